package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
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
 * Nexmark q16, channel statistics report: per channel and UTC day, the latest minute with a bid and
 * the {@link BidStatistics}. Emitted once per channel and day, when the day's event-time window
 * closes, with the final values of SQL's updating rows.
 */
public final class Q16 implements NexmarkQuery<Q16.Row> {

  /** One channel's report of one day. */
  public record Row(String channel, String day, String minute, BidStatistics statistics) {}

  @Override
  public String name() {
    return "q16";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).keyBy(Bid::channel)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new BidStatisticsAggregate(), new ChannelDayRow()).name("q16");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    record ChannelDay(String channel, String day) {}
    Map<ChannelDay, BidStatisticsAccumulator> groups = new HashMap<>();
    for (Event event : events) {
      Bid bid = event.bid();
      if (bid != null) {
        groups.computeIfAbsent(new ChannelDay(bid.channel(), EventTimeFormat.day(bid.dateTime())),
            k -> new BidStatisticsAccumulator()).add(bid);
      }
    }
    groups.forEach((key, acc) ->
        out.accept(new Row(key.channel(), key.day(), EventTimeFormat.minute(acc.latestTime), acc.statistics())));
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
