package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q12.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Nexmark q12 on Flink: bids per bidder in tumbling 10-second processing-time windows. Windows still
 * open when the bounded input ends do not fire in STREAMING mode, so totals can fall short of the baseline.
 */
final class Q12 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q12";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).keyBy(Bid::bidder)
        .window(TumblingProcessingTimeWindows.of(Duration.ofSeconds(10)))
        .aggregate(new Q5.Count<>(), new ToRow()).name("q12");
  }

  /** Makes a row of a window's count. */
  static final class ToRow extends ProcessWindowFunction<Long, Row, Long, TimeWindow> {
    @Override
    public void process(Long bidder, Context context, Iterable<Long> counts, Collector<Row> out) {
      out.collect(new Row(bidder, counts.iterator().next(), context.window().getStart(), context.window().getEnd()));
    }
  }
}
