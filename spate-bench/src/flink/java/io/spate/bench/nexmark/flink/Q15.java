package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BidStatisticsAccumulator;
import io.spate.bench.nexmark.EventTimeFormat;
import io.spate.bench.nexmark.Q15.Row;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Nexmark q15 on Flink: per UTC day, bid counts and distinct bidders and auctions, in total and per price rank. */
final class Q15 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q15";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).windowAll(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new DayStatistics.Aggregate(), new DayRow(), DayStatistics.TYPE, DayStatistics.TYPE,
            TypeInformation.of(Row.class)).name("q15");
  }

  /** Makes a day's row. */
  static final class DayRow extends ProcessAllWindowFunction<BidStatisticsAccumulator, Row, TimeWindow> {
    @Override
    public void process(Context context, Iterable<BidStatisticsAccumulator> elements, Collector<Row> out) {
      out.collect(new Row(EventTimeFormat.day(context.window().getStart()),
          elements.iterator().next().statistics()));
    }
  }
}
