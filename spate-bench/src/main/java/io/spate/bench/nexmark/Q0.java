package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.function.Consumer;

/** Nexmark q0, pass-through: every bid, projected to auction, bidder, price, time and extra. */
public final class Q0 implements NexmarkQuery<Q0.Row> {

  /** One projected bid. */
  public record Row(long auction, long bidder, long price, long dateTime, String extra) {
    /** The row of {@code bid}. */
    public static Row of(Bid bid) {
      return new Row(bid.auction(), bid.bidder(), bid.price(), bid.dateTime(), bid.extra());
    }
  }

  @Override
  public String name() {
    return "q0";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).map(Row::of).returns(Row.class).name("q0");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    for (Event event : events) {
      if (event.bid() != null) {
        out.accept(Row.of(event.bid()));
      }
    }
  }
}
