package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q17.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Nexmark q17 on Flink: per auction and UTC day, bid counts per rank and min, max, average and sum of prices. */
final class Q17 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q17";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).keyBy(Bid::auction)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new TotalsAggregate(), new AuctionDayRow()).name("q17");
  }

  /** The running figures of an auction's day; a POJO for Flink's serializer. */
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
  }

  /** Aggregates an auction's bids of a day. */
  static final class TotalsAggregate implements AggregateFunction<Bid, Totals, Totals> {
    @Override
    public Totals createAccumulator() {
      return new Totals();
    }

    @Override
    public Totals add(Bid bid, Totals t) {
      t.bids++;
      switch (Bids.rank(bid.price())) {
        case 1 -> t.rank1Bids++;
        case 2 -> t.rank2Bids++;
        default -> t.rank3Bids++;
      }
      t.min = Math.min(t.min, bid.price());
      t.max = Math.max(t.max, bid.price());
      t.sum += bid.price();
      return t;
    }

    @Override
    public Totals getResult(Totals t) {
      return t;
    }

    @Override
    public Totals merge(Totals a, Totals b) {
      a.bids += b.bids;
      a.rank1Bids += b.rank1Bids;
      a.rank2Bids += b.rank2Bids;
      a.rank3Bids += b.rank3Bids;
      a.min = Math.min(a.min, b.min);
      a.max = Math.max(a.max, b.max);
      a.sum += b.sum;
      return a;
    }
  }

  /** Makes an auction's row of a day. */
  static final class AuctionDayRow extends ProcessWindowFunction<Totals, Row, Long, TimeWindow> {
    @Override
    public void process(Long auction, Context context, Iterable<Totals> elements, Collector<Row> out) {
      Totals t = elements.iterator().next();
      out.collect(new Row(auction, Bids.day(context.window().getStart()), t.bids, t.rank1Bids, t.rank2Bids,
          t.rank3Bids, t.min, t.max, t.sum / t.bids, t.sum));
    }
  }
}
