package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q11.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Nexmark q11 on Flink: bids per bidder session, a session ending after 10 seconds without a bid. */
final class Q11 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q11";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).keyBy(Bid::bidder)
        .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(10)))
        .aggregate(new Q5.Count<>(), new ToRow()).name("q11");
  }

  /** Makes a row of a session's count. */
  static final class ToRow extends ProcessWindowFunction<Long, Row, Long, TimeWindow> {
    @Override
    public void process(Long bidder, Context context, Iterable<Long> counts, Collector<Row> out) {
      out.collect(new Row(bidder, counts.iterator().next(), context.window().getStart(), context.window().getEnd()));
    }
  }
}
