package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.Schema;
import io.spate.table.api.TableException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window aggregates over a {@code PROCTIME()} attribute run on processing time, as in Flink: rows go
 * into the window of the moment the aggregate sees them, a window fires when the clock passes its
 * end, and a window still open when the input ends never fires (Flink quiesces pending
 * processing-time timers at the end of input). The source has no watermarks, so an aggregate that
 * waited for event time would fire every window only at the end of input.
 */
class SqlProcessingTimeWindowE2ETest {

  private static final long WINDOW_MILLIS = 2_000;

  @Test
  void aWindowFiresWhenTheClockPassesItsEndAndAnOpenWindowDiesWithTheInput() throws Exception {
    StreamTableEnvironment tEnv = environment();
    long before = System.currentTimeMillis();
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT f0 AS k, COUNT(*) AS c, window_start, window_end
        FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '2' SECOND))
        GROUP BY f0, window_start, window_end""")).executeAndCollect(10);
    long after = System.currentTimeMillis();

    // 'a' came in one window, which closed while the source waited; 'b' came in the next, still
    // open when the input ended.
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.getField(0)).isEqualTo("a");
    assertThat(row.getField(1)).isEqualTo((long) TwoWindowsOfKeys.A_ROWS);
    long start = millis(row.getField(2));
    long end = millis(row.getField(3));
    assertThat(end - start).isEqualTo(WINDOW_MILLIS);
    assertThat(start % WINDOW_MILLIS).isZero();
    assertThat(start).isBetween(before - WINDOW_MILLIS, after);
  }

  @Test
  void windowsAreAlignedOnTheWallClockOfTheSessionZone() throws Exception {
    StreamTableEnvironment tEnv = environment();
    tEnv.getConfig().set("table.local-time-zone", "Asia/Kolkata");
    long before = System.currentTimeMillis();
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT f0 AS k, COUNT(*) AS c, window_start, window_end, window_time
        FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '2' SECOND))
        GROUP BY f0, window_start, window_end, window_time""")).executeAndCollect(10);
    long after = System.currentTimeMillis();

    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    // window_start and window_end are Kolkata's wall-clock times (UTC+05:30), window_time the instant.
    assertThat(row.getField(2)).isInstanceOf(LocalDateTime.class);
    long start = ((LocalDateTime) row.getField(2)).toInstant(ZoneOffset.ofHoursMinutes(5, 30)).toEpochMilli();
    assertThat(start).isBetween(before - WINDOW_MILLIS, after);
    assertThat(row.getField(3)).isEqualTo(((LocalDateTime) row.getField(2)).plusSeconds(2));
    assertThat(row.getField(4)).isEqualTo(Instant.ofEpochMilli(start + WINDOW_MILLIS - 1));
  }

  @Test
  void aDayWindowOfProcessingTimeStartsAtMidnightInTheSessionZone() throws Exception {
    StreamTableEnvironment tEnv = environment();
    tEnv.getConfig().set("table.local-time-zone", "Asia/Kolkata");
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT pt, window_start, window_end
        FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '1' DAY))""")).executeAndCollect(20);

    assertThat(rows).hasSize(TwoWindowsOfKeys.A_ROWS + 3);
    for (Row row : rows) {
      LocalDateTime midnight = LocalDateTime.ofInstant((Instant) row.getField(0), ZoneId.of("Asia/Kolkata"))
          .toLocalDate().atStartOfDay();
      assertThat(row.getField(1)).isEqualTo(midnight);
      assertThat(row.getField(2)).isEqualTo(midnight.plusDays(1));
    }
  }

  @Test
  void theLegacyGroupWindowOnProcessingTimeRunsTheSame() throws Exception {
    StreamTableEnvironment tEnv = environment();
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT f0 AS k, COUNT(*) AS c FROM keys GROUP BY f0, TUMBLE(pt, INTERVAL '2' SECOND)"""))
        .executeAndCollect(10);
    assertThat(rows).containsExactly(Row.of("a", (long) TwoWindowsOfKeys.A_ROWS));
  }

  @Test
  void tumbleProctimeReadsTheClockWhenTheWindowFires() throws Exception {
    StreamTableEnvironment tEnv = environment();
    long before = System.currentTimeMillis();
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT f0 AS k, TUMBLE_END(pt, INTERVAL '2' SECOND) AS wend, TUMBLE_PROCTIME(pt, INTERVAL '2' SECOND) AS fired
        FROM keys GROUP BY f0, TUMBLE(pt, INTERVAL '2' SECOND)""")).executeAndCollect(10);
    long after = System.currentTimeMillis();

    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.getField(2)).isInstanceOf(Instant.class);
    long fired = millis(row.getField(2));
    // The window fires once the clock has passed its end, and before the job is over.
    assertThat(fired).isGreaterThanOrEqualTo(millis(row.getField(1)) - 1).isBetween(before, after);
  }

  @Test
  void aSessionWindowOnProcessingTimeClosesWhenTheClockPassesItsGapAndAnOpenSessionDiesWithTheInput()
      throws Exception {
    StreamTableEnvironment tEnv = environment(new SessionsOfKeys());
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT f0 AS k, COUNT(*) AS c, window_start, window_end
        FROM TABLE(SESSION(TABLE keys PARTITION BY f0, DESCRIPTOR(pt), INTERVAL '0.5' SECOND))
        GROUP BY f0, window_start, window_end""")).executeAndCollect(10);

    // Three sessions closed while the source paused for longer than the gap; 'c' came last and its
    // session was still open when the input ended.
    assertThat(rows).extracting(r -> r.getField(0) + "=" + r.getField(1))
        .containsExactlyInAnyOrder("a=3", "a=2", "b=1");
    for (Row row : rows) {
      assertThat(millis(row.getField(3)) - millis(row.getField(2))).isGreaterThanOrEqualTo(SessionsOfKeys.GAP_MILLIS);
    }
    List<Long> starts = rows.stream().filter(r -> r.getField(0).equals("a")).map(r -> millis(r.getField(2))).sorted()
        .toList();
    // The second 'a' session began after the pause, past the end of the first.
    assertThat(starts.get(1) - starts.get(0)).isGreaterThan(SessionsOfKeys.GAP_MILLIS);
  }

  @Test
  void theLegacySessionGroupWindowOnProcessingTimeRunsTheSame() throws Exception {
    StreamTableEnvironment tEnv = environment(new SessionsOfKeys());
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT f0 AS k, COUNT(*) AS c FROM keys GROUP BY f0, SESSION(pt, INTERVAL '0.5' SECOND)"""))
        .executeAndCollect(10);
    assertThat(rows).containsExactlyInAnyOrder(Row.of("a", 3L), Row.of("a", 2L), Row.of("b", 1L));
  }

  @Test
  void aWindowJoinOfProcessingTimeWindowsIsRefusedAsInFlink() {
    StreamTableEnvironment tEnv = environment();
    assertThatThrownBy(() -> tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT l.f0, l.window_start FROM
          (SELECT * FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '2' SECOND))) l
        JOIN (SELECT * FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '2' SECOND))) r
        ON l.window_start = r.window_start AND l.window_end = r.window_end AND l.f0 = r.f0""")))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("Processing time Window Join is not supported");
  }

  @Test
  void aWindowTopNOverProcessingTimeWindowsIsRefusedAsInFlink() {
    StreamTableEnvironment tEnv = environment();
    assertThatThrownBy(() -> tEnv.toDataStream(tEnv.sqlQuery("""
        SELECT * FROM (
          SELECT f0, window_start, window_end,
            ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY f0) AS rn
          FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '2' SECOND)))
        WHERE rn <= 2""")))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("Processing time Window TopN is not supported");
  }

  private static StreamTableEnvironment environment() {
    return environment(new TwoWindowsOfKeys());
  }

  private static StreamTableEnvironment environment(SourceFunction<String> source) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.createTemporaryView("keys", env.addSource(source, "keys", Types.STRING),
        Schema.newBuilder().columnByExpression("pt", "PROCTIME()").build());
    return tEnv;
  }

  private static long millis(Object time) {
    return time instanceof Instant instant ? instant.toEpochMilli()
        : ((java.time.LocalDateTime) time).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
  }

  /**
   * Waits until just after a window boundary, emits the 'a' rows, waits until just after the next
   * boundary (so the first window has closed), emits the 'b' rows and ends; the margins leave the
   * job most of a window to see each batch and to end.
   */
  static final class TwoWindowsOfKeys implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;
    static final int A_ROWS = 5;
    private static final long MARGIN_MILLIS = 150;
    private volatile boolean running = true;

    @Override
    public void run(SourceContext<String> ctx) throws Exception {
      sleepUntilPastNextBoundary();
      for (int i = 0; i < A_ROWS && running; i++) {
        ctx.collect("a");
      }
      sleepUntilPastNextBoundary();
      for (int i = 0; i < 3 && running; i++) {
        ctx.collect("b");
      }
    }

    private static void sleepUntilPastNextBoundary() throws InterruptedException {
      long now = System.currentTimeMillis();
      long next = now - Math.floorMod(now, WINDOW_MILLIS) + WINDOW_MILLIS;
      Thread.sleep(next + MARGIN_MILLIS - now);
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  /**
   * Three 'a' rows, a pause of three gaps, two 'a' rows and a 'b', a pause of six gaps, then a 'c'
   * and the end of input. A session closes one gap after its last row; the pauses leave the job time
   * beyond that to close the sessions before it goes on.
   */
  static final class SessionsOfKeys implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;
    static final long GAP_MILLIS = 500;
    private volatile boolean running = true;

    @Override
    public void run(SourceContext<String> ctx) throws Exception {
      emit(ctx, "a", "a", "a");
      Thread.sleep(3 * GAP_MILLIS);
      emit(ctx, "a", "b", "a");
      // Longer: the sessions must close before the input ends, even on a loaded machine.
      Thread.sleep(6 * GAP_MILLIS);
      emit(ctx, "c");
    }

    private void emit(SourceContext<String> ctx, String... keys) {
      for (String key : keys) {
        if (running) {
          ctx.collect(key);
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }
}
