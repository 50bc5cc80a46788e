package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q5, hot items: in every sliding window of 10 seconds every 2 seconds, the auctions with
 * the most bids (all of them on a tie).
 */
public final class Q5 implements NexmarkQuery<Q5.Row> {

  static final long SIZE = 10_000;
  static final long SLIDE = 2_000;

  /** An auction's bid count in one window. */
  public record Row(long auction, long bidCount, long windowStart, long windowEnd) {}

  @Override
  public String name() {
    return "q5";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).keyBy(Bid::auction)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(SIZE), Duration.ofMillis(SLIDE)))
        .aggregate(new BidCount(), new ToRow()).name("q5 counts")
        .keyBy(Row::windowEnd)
        .process(new MostBids()).returns(Row.class).name("q5");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, Map<Long, Long>> countsByWindow = new HashMap<>();
    for (Event event : events) {
      Bid bid = event.bid();
      if (bid == null) {
        continue;
      }
      long t = bid.dateTime();
      for (long start = t - Math.floorMod(t, SLIDE); start > t - SIZE; start -= SLIDE) {
        countsByWindow.computeIfAbsent(start, s -> new HashMap<>()).merge(bid.auction(), 1L, Long::sum);
      }
    }
    countsByWindow.forEach((start, counts) -> {
      long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      counts.forEach((auction, count) -> {
        if (count == max) {
          out.accept(new Row(auction, count, start, start + SIZE));
        }
      });
    });
  }

  /** Makes a row of a window's count. */
  static final class ToRow extends ProcessWindowFunction<Long, Row, Long, TimeWindow> {
    @Override
    public void process(Long auction, Context context, Iterable<Long> counts, Collector<Row> out) {
      out.collect(new Row(auction, counts.iterator().next(), context.window().getStart(), context.window().getEnd()));
    }
  }

  /** Keeps the counts that share a window's maximum and emits them when the window is complete. */
  static final class MostBids extends KeyedProcessFunction<Long, Row, Row> {
    private transient ValueState<Long> max;
    private transient ListState<Row> leaders;

    @Override
    public void open(OpenContext openContext) {
      max = getRuntimeContext().getState(new ValueStateDescriptor<>("max", Long.class));
      leaders = getRuntimeContext().getListState(new ListStateDescriptor<>("leaders", Row.class));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
      Long current = max.value();
      if (current == null || row.bidCount() > current) {
        max.update(row.bidCount());
        leaders.update(List.of(row));
        // the counts of a window carry its last millisecond as timestamp; all are in at that watermark
        ctx.timerService().registerEventTimeTimer(row.windowEnd() - 1);
      } else if (row.bidCount() == current) {
        leaders.add(row);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
      for (Row row : leaders.get()) {
        out.collect(row);
      }
      leaders.clear();
      max.clear();
    }
  }
}
