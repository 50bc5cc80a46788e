package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.function.Consumer;

/** Nexmark q1, currency conversion: every bid with its price in euros ({@code 0.908 * price}). */
public final class Q1 implements NexmarkQuery<Q1.Row> {

  /** The dollar-to-euro rate Nexmark uses. */
  public static final double DOLLAR_TO_EURO = 0.908;

  /** One bid with a converted price. */
  public record Row(long auction, long bidder, double price, long dateTime, String extra) {
    /** The row of {@code bid}: its price in euros. */
    public static Row of(Bid bid) {
      return new Row(bid.auction(), bid.bidder(), DOLLAR_TO_EURO * bid.price(), bid.dateTime(), bid.extra());
    }
  }

  @Override
  public String name() {
    return "q1";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).map(Row::of).returns(Row.class).name("q1");
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
