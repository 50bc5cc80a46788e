package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessAllWindowFunction;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q15, bidding statistics report: per UTC day, the bids, distinct bidders and distinct
 * auctions in total and per price rank. SQL updates each day's row as bids come; here a day's row
 * is emitted once, when the day's event-time window closes, with the same final values.
 */
public final class Q15 implements NexmarkQuery<Q15.Row> {

  /** One day's report. */
  public record Row(String day, BidStatistics statistics) {}

  @Override
  public String name() {
    return "q15";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).windowAll(TumblingEventTimeWindows.of(Duration.ofDays(1)))
        .aggregate(new BidStatisticsAggregate(), new DayRow()).name("q15");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<String, BidStatisticsAccumulator> days = new HashMap<>();
    for (Event event : events) {
      if (event.bid() != null) {
        days.computeIfAbsent(EventTimeFormat.day(event.bid().dateTime()), d -> new BidStatisticsAccumulator())
            .add(event.bid());
      }
    }
    days.forEach((day, acc) -> out.accept(new Row(day, acc.statistics())));
  }

  /** Makes a day's row. */
  static final class DayRow extends ProcessAllWindowFunction<BidStatisticsAccumulator, Row, TimeWindow> {
    @Override
    public void process(Context context, Iterable<BidStatisticsAccumulator> elements, Collector<Row> out) {
      out.collect(new Row(EventTimeFormat.day(context.window().getStart()), elements.iterator().next().statistics()));
    }
  }
}
