package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.function.Consumer;

/**
 * Nexmark q10, log to a file system: every bid with the day and minute it falls in, the columns a
 * partitioned file sink writes by. Which sink the rows go to is the caller's choice.
 */
public final class Q10 implements NexmarkQuery<Q10.Row> {

  /** One bid with its partition columns. */
  public record Row(long auction, long bidder, long price, long dateTime, String extra, String day, String minute) {
    /** The row of {@code bid}, with its UTC day and minute. */
    public static Row of(Bid bid) {
      return new Row(bid.auction(), bid.bidder(), bid.price(), bid.dateTime(), bid.extra(),
          EventTimeFormat.day(bid.dateTime()), EventTimeFormat.minute(bid.dateTime()));
    }
  }

  @Override
  public String name() {
    return "q10";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).map(Row::of).returns(Row.class).name("q10");
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
