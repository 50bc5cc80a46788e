package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q11, user sessions: the number of bids of each bidder's sessions, a session ending after
 * 10 seconds without a bid.
 */
public final class Q11 implements NexmarkQuery<Q11.Row> {

  static final long GAP = 10_000;

  /** One session of a bidder; it ends {@code GAP} after its last bid. */
  public record Row(long bidder, long bidCount, long sessionStart, long sessionEnd) {}

  @Override
  public String name() {
    return "q11";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).keyBy(Bid::bidder)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(GAP)))
        .aggregate(new BidCount(), new ToRow()).name("q11");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, List<Long>> times = new HashMap<>();
    for (Event event : events) {
      if (event.bid() != null) {
        times.computeIfAbsent(event.bid().bidder(), b -> new ArrayList<>()).add(event.bid().dateTime());
      }
    }
    times.forEach((bidder, list) -> {
      list.sort(null);
      long start = list.get(0);
      long last = start;
      long count = 0;
      for (long t : list) {
        // windows [t, t + GAP) merge when they touch, as session windows do
        if (t > last + GAP) {
          out.accept(new Row(bidder, count, start, last + GAP));
          start = t;
          count = 0;
        }
        last = t;
        count++;
      }
      out.accept(new Row(bidder, count, start, last + GAP));
    });
  }

  /** Makes a row of a session's count. */
  static final class ToRow extends ProcessWindowFunction<Long, Row, Long, TimeWindow> {
    @Override
    public void process(Long bidder, Context context, Iterable<Long> counts, Collector<Row> out) {
      out.collect(new Row(bidder, counts.iterator().next(), context.window().getStart(), context.window().getEnd()));
    }
  }
}
