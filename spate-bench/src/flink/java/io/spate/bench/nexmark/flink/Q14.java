package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.EventTimeFormat;
import io.spate.bench.nexmark.Q14.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/** Nexmark q14 on Flink: bids with euro price in (1e6, 5e7), their UTC part of day and count of 'c' in extra. */
final class Q14 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q14";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).flatMap((Bid bid, Collector<Row> out) -> {
      double price = io.spate.bench.nexmark.Q1.DOLLAR_TO_EURO * bid.price();
      if (price > 1_000_000 && price < 50_000_000) {
        out.collect(new Row(bid.auction(), bid.bidder(), price, timeType(bid.dateTime()), bid.dateTime(),
            bid.extra(), count(bid.extra(), 'c')));
      }
    }).returns(Row.class).name("q14");
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
}
