package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.function.Consumer;

/**
 * Nexmark q14, calculation: bids whose euro price lies strictly between 1,000,000 and 50,000,000,
 * with the part of the day they were made in and how many 'c' characters their extra holds.
 */
public final class Q14 implements NexmarkQuery<Q14.Row> {

  /** One converted bid. */
  public record Row(long auction, long bidder, double price, String bidTimeType, long dateTime, String extra,
      long cCounts) {}

  /** The row of {@code bid}, or null if its converted price is out of q14's range. */
  public static Row convert(Bid bid) {
    double price = Q1.DOLLAR_TO_EURO * bid.price();
    if (!(price > 1_000_000 && price < 50_000_000)) {
      return null;
    }
    return new Row(bid.auction(), bid.bidder(), price, timeType(bid.dateTime()), bid.dateTime(), bid.extra(),
        count(bid.extra(), 'c'));
  }

  static String timeType(long dateTime) {
    int hour = EventTimeFormat.hour(dateTime);
    if (hour >= 8 && hour <= 18) {
      return "dayTime";
    }
    if (hour <= 6 || hour >= 20) {
      return "nightTime";
    }
    return "otherTime";
  }

  static long count(String s, char c) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String name() {
    return "q14";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).<Row>flatMap((bid, out) -> {
      Row row = convert(bid);
      if (row != null) {
        out.collect(row);
      }
    }).returns(Row.class).name("q14");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    for (Event event : events) {
      if (event.bid() != null) {
        Row row = convert(event.bid());
        if (row != null) {
          out.accept(row);
        }
      }
    }
  }
}
