package io.spate.table.api.bridge.java;

import static io.spate.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.windowing.ProcessAllWindowFunction;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.table.api.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code window_time} of a window table function aggregation is the result's rowtime attribute: in
 * {@code toDataStream} and {@code toChangelogStream} it becomes the records' timestamp and the query's
 * watermarks follow, so DataStream event-time windows and timers downstream work on the result.
 */
class RowtimeThroughConversionsE2ETest {

  private static final String PER_WINDOW = "SELECT k, window_start, window_end, window_time, COUNT(*) AS n"
      + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(rowtime), INTERVAL '10' SECOND))"
      + " GROUP BY k, window_start, window_end, window_time";

  /** A watermark after every event, so that windows close while the stream runs, not only at its end. */
  private static final class EveryEvent implements WatermarkGenerator<Tuple2<String, Long>> {
    @Override
    public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /** Each record's timestamp, and the watermark its operator had seen when it came. */
  private static final class Stamps extends ProcessFunction<Row, Row> {
    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
      out.collect(Row.of(row.getField(0), ctx.timestamp(), ctx.timerService().currentWatermark()));
    }
  }

  /** Adds up the counts of the query's windows that fall into each DataStream window. */
  private static final class SumCounts extends ProcessAllWindowFunction<Row, Row, TimeWindow> {
    @Override
    public void process(Context context, Iterable<Row> rows, Collector<Row> out) {
      long total = 0;
      for (Row row : rows) {
        total += (Long) row.getField(4);
      }
      out.collect(Row.of(context.window().getStart(), total));
    }
  }

  private StreamTableEnvironment tEnv;

  @BeforeEach
  void createEvents() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    tEnv = StreamTableEnvironment.create(env);
    List<Tuple2<String, Long>> events = new ArrayList<>();
    for (long second = 0; second < 60; second++) {
      events.add(Tuple2.of("a", second * 1000));
      events.add(Tuple2.of("b", second * 1000 + 500));
    }
    DataStream<Tuple2<String, Long>> stream = env.fromData(events, Types.TUPLE(Types.STRING, Types.LONG))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(ctx -> new EveryEvent())
            .withTimestampAssigner((event, previous) -> event.f1));
    tEnv.createTemporaryView("events", stream, $("k"), $("at"), $("rowtime").rowtime());
  }

  @Test
  void theWindowTimeIsTheRecordsTimestampAndDataStreamWindowsDownstreamUseIt() throws Exception {
    Table perWindow = tEnv.sqlQuery(PER_WINDOW);
    List<Row> sums = tEnv.toDataStream(perWindow)
        .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(30)))
        .process(new SumCounts(), Types.ROW(Types.LONG, Types.LONG))
        .executeAndCollect(10);
    assertThat(sums).containsExactlyInAnyOrder(Row.of(0L, 60L), Row.of(30_000L, 60L));
  }

  @Test
  void recordsCarryTheWindowTimeAndTheWatermarksPassWhileTheStreamRuns() throws Exception {
    List<Row> stamps = tEnv.toDataStream(tEnv.sqlQuery(PER_WINDOW))
        .process(new Stamps(), Types.ROW(Types.STRING, Types.LONG, Types.LONG)).executeAndCollect(100);
    assertThat(stamps).hasSize(12);
    for (Row stamp : stamps) {
      long timestamp = (Long) stamp.getField(1);
      assertThat(timestamp % 10_000).as("window_time is the window's last millisecond").isEqualTo(9_999);
    }
    long watermarksSeen = stamps.stream().filter(s -> (Long) s.getField(2) >= (Long) s.getField(1) - 10_000)
        .count();
    assertThat(watermarksSeen).as("windows after the first see the watermark that closed the one before").isGreaterThan(0);
  }

  @Test
  void aChangelogStreamOfTheResultCarriesTheWindowTimeToo() throws Exception {
    List<Row> stamps = tEnv.toChangelogStream(tEnv.sqlQuery(PER_WINDOW))
        .process(new ProcessFunction<Row, Row>() {
          @Override
          public void processElement(Row row, Context ctx, Collector<Row> out) {
            out.collect(Row.of(row.getKind() == RowKind.INSERT, ctx.timestamp()));
          }
        }, Types.ROW(Types.BOOLEAN, Types.LONG)).executeAndCollect(100);
    List<Row> expected = new ArrayList<>();
    for (long end = 10_000; end <= 60_000; end += 10_000) {
      expected.add(Row.of(true, end - 1));
      expected.add(Row.of(true, end - 1));
    }
    assertThat(stamps).containsExactlyInAnyOrderElementsOf(expected);
  }
}
