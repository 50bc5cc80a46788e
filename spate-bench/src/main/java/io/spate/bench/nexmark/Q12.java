package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q12, processing-time windows: the number of bids per bidder in tumbling 10-second windows
 * of processing time.
 *
 * <p>Window boundaries depend on the clock, so results are compared by the total count per bidder
 * over all windows (see {@link #newFold}); they match only when every window fires, as in BATCH
 * execution. In STREAMING execution of a bounded input, as in Flink, windows still open at the end
 * never fire, so each bidder's total is at most the baseline's.
 */
public final class Q12 implements NexmarkQuery<Q12.Row> {

  static final Duration WINDOW = Duration.ofSeconds(10);

  /** The bids of one bidder in one processing-time window. */
  public record Row(long bidder, long bidCount, long windowStart, long windowEnd) {}

  /** The canonical row of q12: a bidder's bids over all windows. */
  public record BidderTotal(long bidder, long bidCount) {}

  @Override
  public String name() {
    return "q12";
  }

  @Override
  public boolean processingTime() {
    return true;
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).keyBy(Bid::bidder)
        .window(TumblingProcessingTimeWindows.of(WINDOW))
        .aggregate(new BidCount(), new ToRow()).name("q12");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, Long> counts = new HashMap<>();
    for (Event event : events) {
      if (event.bid() != null) {
        counts.merge(event.bid().bidder(), 1L, Long::sum);
      }
    }
    // one window holding everything: only the totals per bidder are compared
    counts.forEach((bidder, count) -> out.accept(new Row(bidder, count, 0, 0)));
  }

  @Override
  public ResultFold<Row> newFold(boolean keepRows) {
    return new TotalPerBidder();
  }

  /** Makes a row of a window's count. */
  static final class ToRow extends ProcessWindowFunction<Long, Row, Long, TimeWindow> {
    @Override
    public void process(Long bidder, Context context, Iterable<Long> counts, Collector<Row> out) {
      out.collect(new Row(bidder, counts.iterator().next(), context.window().getStart(), context.window().getEnd()));
    }
  }

  /** Sums the counts per bidder over all windows. */
  static final class TotalPerBidder implements ResultFold<Row> {
    private final Map<Long, Long> totals = new HashMap<>();

    @Override
    public void add(Row row) {
      totals.merge(row.bidder(), row.bidCount(), Long::sum);
    }

    @Override
    public ResultSummary summary() {
      return ResultSummary.of(rows());
    }

    @Override
    public List<Object> rows() {
      return totals.entrySet().stream().<Object>map(e -> new BidderTotal(e.getKey(), e.getValue())).toList();
    }
  }
}
