package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.RichFlatMapFunction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q13, bounded side input join: every bid joined with the value a static side table holds
 * for {@code auction % 10000}; bids without a value are dropped. The side table is fixed for the
 * job's life, so looking it up "as of" processing time gives the same row whenever it is done.
 */
public final class Q13 implements NexmarkQuery<Q13.Row> {

  static final long KEYS = 10_000;

  private final HashMap<Long, String> side;

  /** The query with the default side table: every key from 0 to 9999, valued by its name. */
  public Q13() {
    this(defaultSideTable());
  }

  /** The query with the given side table. */
  public Q13(Map<Long, String> side) {
    this.side = new HashMap<>(side);
  }

  /** A bid and its side value. */
  public record Row(long auction, long bidder, long price, long dateTime, String value) {}

  static Map<Long, String> defaultSideTable() {
    Map<Long, String> table = new HashMap<>();
    for (long key = 0; key < KEYS; key++) {
      table.put(key, "side-" + key);
    }
    return table;
  }

  @Override
  public String name() {
    return "q13";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).flatMap(new SideJoin(side)).returns(Row.class).name("q13");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    for (Event event : events) {
      Bid bid = event.bid();
      if (bid != null) {
        String value = side.get(bid.auction() % KEYS);
        if (value != null) {
          out.accept(new Row(bid.auction(), bid.bidder(), bid.price(), bid.dateTime(), value));
        }
      }
    }
  }

  /** Looks each bid up in the side table. */
  static final class SideJoin extends RichFlatMapFunction<Bid, Row> {
    private final HashMap<Long, String> side;

    SideJoin(HashMap<Long, String> side) {
      this.side = side;
    }

    @Override
    public void flatMap(Bid bid, Collector<Row> out) {
      String value = side.get(bid.auction() % KEYS);
      if (value != null) {
        out.collect(new Row(bid.auction(), bid.bidder(), bid.price(), bid.dateTime(), value));
      }
    }
  }
}
