package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.EventTimeFormat;
import io.spate.bench.nexmark.Q17.Row;
import io.spate.bench.nexmark.Q17.Totals;
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

  /** Aggregates an auction's bids of a day. */
  static final class TotalsAggregate implements AggregateFunction<Bid, Totals, Totals> {
    @Override
    public Totals createAccumulator() {
      return new Totals();
    }

    @Override
    public Totals add(Bid bid, Totals t) {
      t.add(bid);
      return t;
    }

    @Override
    public Totals getResult(Totals t) {
      return t;
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
      Totals t = elements.iterator().next();
      out.collect(t.row(auction, EventTimeFormat.day(context.window().getStart())));
    }
  }
}
