package io.spate.table.api.bridge.java;

import static io.spate.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Late rows in SQL window aggregates, over a DataStream whose watermark follows each row: a row all
 * of whose windows fired is dropped; a row whose first windows fired counts in the later ones; a
 * session row behind the watermark counts only where it joins an open session.
 */
class SqlWindowLateRowsE2ETest {

  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  @Test
  void hoppingWindowsDropARowAllOfWhoseWindowsFiredAndCountOneWhoseLaterWindowsAreOpen() throws Exception {
    List<long[]> events = new ArrayList<>(); // n, second
    for (long n = 0; n <= 20; n++) {
      events.add(new long[] {n, n});
    }
    events.add(new long[] {100, 3}); // watermark 20 s: [-5, 5) and [0, 10) fired: dropped
    events.add(new long[] {101, 18}); // [10, 20) fired, [15, 25) open: counts there
    for (long n = 21; n <= 24; n++) {
      events.add(new long[] {n, n});
    }
    List<Row> rows = run(events, """
        SELECT window_start, window_end, COUNT(*), SUM(n)
        FROM TABLE(HOP(TABLE events, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
        GROUP BY window_start, window_end""");
    Map<Long, long[]> windows = new TreeMap<>();
    for (long n = 0; n <= 24; n++) {
      for (long start = n - n % 5; start > n - 10; start -= 5) {
        long[] acc = windows.computeIfAbsent(start, s -> new long[2]);
        acc[0]++;
        acc[1] += n;
      }
    }
    windows.get(15L)[0]++;
    windows.get(15L)[1] += 101;
    List<Row> expected = new ArrayList<>();
    windows.forEach((start, acc) -> expected.add(Row.of(EPOCH.plusSeconds(start), EPOCH.plusSeconds(start + 10),
        acc[0], acc[1])));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aSessionRowBehindTheWatermarkCountsOnlyWhereItJoinsAnOpenSession() throws Exception {
    List<long[]> events = new ArrayList<>();
    events.add(new long[] {1, 0}); // session [0, 2)
    events.add(new long[] {2, 10}); // session [10, 12); watermark 10 s: [0, 2) fires
    events.add(new long[] {3, 1}); // its session closed: dropped
    events.add(new long[] {4, 9}); // behind the watermark, but [9, 11) joins [10, 12)
    events.add(new long[] {5, 20});
    List<Row> rows = run(events, """
        SELECT window_start, window_end, COUNT(*), SUM(n)
        FROM TABLE(SESSION(TABLE events, DESCRIPTOR(ts), INTERVAL '2' SECOND))
        GROUP BY window_start, window_end""");
    assertThat(rows).containsExactlyInAnyOrder(
        Row.of(EPOCH, EPOCH.plusSeconds(2), 1L, 1L),
        Row.of(EPOCH.plusSeconds(9), EPOCH.plusSeconds(12), 2L, 6L),
        Row.of(EPOCH.plusSeconds(20), EPOCH.plusSeconds(22), 1L, 5L));
  }

  /** The rows of {@code query} over {@code events} (n, second), in that order, each followed by its watermark. */
  private static List<Row> run(List<long[]> events, String query) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Row> rows = new ArrayList<>();
    for (long[] event : events) {
      rows.add(Row.of(event[0], EPOCH.plusSeconds(event[1])));
    }
    DataStream<Row> stream = env.fromData(rows, Types.ROW_NAMED(new String[] {"n", "ts"}, Types.LONG,
            Types.LOCAL_DATE_TIME))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forGenerator(context -> new EachRow())
            .withTimestampAssigner((row, previous) -> millis((LocalDateTime) row.getField(1))));
    // ts replaced by the records' timestamps (the same instants) as the rowtime attribute, which windows need.
    tEnv.createTemporaryView("events", stream, $("n"), $("ts").rowtime());
    return tEnv.toDataStream(tEnv.sqlQuery(query)).executeAndCollect(1000);
  }

  private static long millis(LocalDateTime time) {
    return time.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** A watermark at each row's time, when it is the largest so far. */
  private static final class EachRow implements WatermarkGenerator<Row> {
    private long max = Long.MIN_VALUE;

    @Override
    public void onEvent(Row event, long eventTimestamp, WatermarkOutput output) {
      if (eventTimestamp > max) {
        max = eventTimestamp;
        output.emitWatermark(new Watermark(max));
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }
}
