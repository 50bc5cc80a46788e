package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q13.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.HashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/** Nexmark q13 on Flink: every bid joined with the static side table's value for {@code auction % 10000}. */
final class Q13 implements FlinkNexmarkQuery {

  static final long KEYS = 10_000;

  @Override
  public String name() {
    return "q13";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).flatMap(new SideJoin()).returns(Row.class).name("q13");
  }

  /** Loads the side table when it opens and looks each bid up in it. */
  static final class SideJoin extends RichFlatMapFunction<Bid, Row> {
    private transient HashMap<Long, String> side;

    @Override
    public void open(OpenContext openContext) {
      side = new HashMap<>();
      for (long key = 0; key < KEYS; key++) {
        side.put(key, "side-" + key);
      }
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
