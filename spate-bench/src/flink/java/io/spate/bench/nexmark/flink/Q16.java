package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BidStatisticsAccumulator;
import io.spate.bench.nexmark.EventTimeFormat;
import io.spate.bench.nexmark.Q16.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Nexmark q16 on Flink: per channel and UTC day, the latest minute with a bid and the bid statistics. */
final class Q16 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q16";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).keyBy(Bid::channel)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new DayStatistics.Aggregate(), new ChannelDayRow(), DayStatistics.TYPE,
            DayStatistics.TYPE, TypeInformation.of(Row.class)).name("q16");
  }

  /** Makes a channel's row of a day. */
  static final class ChannelDayRow
      extends ProcessWindowFunction<BidStatisticsAccumulator, Row, String, TimeWindow> {
    @Override
    public void process(String channel, Context context, Iterable<BidStatisticsAccumulator> elements,
        Collector<Row> out) {
      BidStatisticsAccumulator acc = elements.iterator().next();
      out.collect(new Row(channel, EventTimeFormat.day(context.window().getStart()),
          EventTimeFormat.minute(acc.latestTime), acc.statistics()));
    }
  }
}
