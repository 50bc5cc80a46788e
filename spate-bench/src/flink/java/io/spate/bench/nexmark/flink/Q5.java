package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q5.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Nexmark q5 on Flink: per 10-second window sliding by 2 seconds, the auctions with the most bids. */
final class Q5 implements FlinkNexmarkQuery {
  @Override
  public String name() {
    return "q5";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).keyBy(Bid::auction)
        .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
        .aggregate(new Count<>(), new ToRow()).name("q5 counts")
        .keyBy(Row::windowEnd)
        .process(new MostBids()).returns(Row.class).name("q5");
  }

  /** Counts the elements of a window. */
  static final class Count<T> implements AggregateFunction<T, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(T value, Long acc) {
      return acc + 1;
    }

    @Override
    public Long getResult(Long acc) {
      return acc;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Makes a row of an auction's window count. */
  static final class ToRow extends ProcessWindowFunction<Long, Row, Long, TimeWindow> {
    @Override
    public void process(Long auction, Context context, Iterable<Long> counts, Collector<Row> out) {
      out.collect(new Row(auction, counts.iterator().next(), context.window().getStart(), context.window().getEnd()));
    }
  }

  /** Keeps the counts tied at a window's maximum and emits them when the window's watermark passes. */
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
