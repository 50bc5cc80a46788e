package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q17, auction statistics report: per auction and UTC day, the bids in total and per price
 * rank and the minimum, maximum, average (integer quotient) and sum of their prices. Emitted once
 * per auction and day, when the day's event-time window closes.
 */
public final class Q17 implements NexmarkQuery<Q17.Row> {

  /** One auction's report of one day. */
  public record Row(long auction, String day, long totalBids, long rank1Bids, long rank2Bids, long rank3Bids,
      long minPrice, long maxPrice, long avgPrice, long sumPrice) {}

  /** The running figures of an auction's day; a POJO, so that window state can serialize it. */
  public static final class Totals {
    public long bids;
    public long rank1Bids;
    public long rank2Bids;
    public long rank3Bids;
    public long min = Long.MAX_VALUE;
    public long max = Long.MIN_VALUE;
    public long sum;

    /** Empty totals. */
    public Totals() {}

    /** Adds {@code bid}. */
    public void add(Bid bid) {
      bids++;
      switch (BidStatistics.rank(bid.price())) {
        case 1 -> rank1Bids++;
        case 2 -> rank2Bids++;
        default -> rank3Bids++;
      }
      min = Math.min(min, bid.price());
      max = Math.max(max, bid.price());
      sum += bid.price();
    }

    /** Adds {@code other} into these totals and returns these. */
    public Totals merge(Totals other) {
      bids += other.bids;
      rank1Bids += other.rank1Bids;
      rank2Bids += other.rank2Bids;
      rank3Bids += other.rank3Bids;
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
      sum += other.sum;
      return this;
    }

    /** The row of {@code auction} on {@code day}. */
    public Row row(long auction, String day) {
      return new Row(auction, day, bids, rank1Bids, rank2Bids, rank3Bids, min, max, sum / bids, sum);
    }
  }

  @Override
  public String name() {
    return "q17";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).keyBy(Bid::auction)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new TotalsAggregate(), new AuctionDayRow()).name("q17");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    record AuctionDay(long auction, String day) {}
    Map<AuctionDay, Totals> groups = new HashMap<>();
    for (Event event : events) {
      Bid bid = event.bid();
      if (bid != null) {
        groups.computeIfAbsent(new AuctionDay(bid.auction(), EventTimeFormat.day(bid.dateTime())), k -> new Totals())
            .add(bid);
      }
    }
    groups.forEach((key, totals) -> out.accept(totals.row(key.auction(), key.day())));
  }

  /** Aggregates an auction's bids of a day. */
  static final class TotalsAggregate implements AggregateFunction<Bid, Totals, Totals> {
    @Override
    public Totals createAccumulator() {
      return new Totals();
    }

    @Override
    public Totals add(Bid bid, Totals totals) {
      totals.add(bid);
      return totals;
    }

    @Override
    public Totals getResult(Totals totals) {
      return totals;
    }

    @Override
    public Totals merge(Totals a, Totals b) {
      return a.merge(b);
    }
  }

  /** Makes an auction's row of a day. */
  static final class AuctionDayRow extends ProcessWindowFunction<Totals, Row, Long, TimeWindow> {
    @Override
    public void process(Long auction, Context context, Iterable<Totals> elements, Collector<Row> out) {
      out.collect(elements.iterator().next().row(auction, EventTimeFormat.day(context.window().getStart())));
    }
  }
}
