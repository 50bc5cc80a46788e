package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.TableException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private static final long LINGER_MILLIS = 4_000;

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
  void aWindowAggregateOverProcessingTimeWindowAggregatesFiresOnTheClockBeforeTheInputEnds() throws Exception {
    StreamTableEnvironment tEnv = environment(new TwoWindowsOfKeys(LINGER_MILLIS));
    tEnv.getConfig().set("table.local-time-zone", "Asia/Kolkata");
    TwoWindowsOfKeys.FINISHED.set(false);
    Table totals = tEnv.sqlQuery("""
        SELECT window_start, window_end, SUM(c) AS total, COUNT(*) AS keys
        FROM (
          SELECT f0, window_start, window_end, COUNT(*) AS c
          FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '2' SECOND))
          GROUP BY f0, window_start, window_end)
        GROUP BY window_start, window_end""");
    List<Row> rows = new ArrayList<>();
    boolean finishedAtFirstRow;
    try (CloseableIterator<Row> results = tEnv.toDataStream(totals).executeAndCollect()) {
      Row first = results.next();
      // The source lingers for seconds after the first window closes: the cascade's window must not
      // wait for the end of input, which is all an event-time aggregate would see here.
      finishedAtFirstRow = TwoWindowsOfKeys.FINISHED.get();
      rows.add(first);
      results.forEachRemaining(rows::add);
    }
    assertThat(finishedAtFirstRow).as("the source had ended when the first total came").isFalse();
    // Both windows closed on the clock while the source lingered: 'a''s, then 'b''s.
    assertThat(rows).extracting(r -> r.getField(2) + "/" + r.getField(3)).containsExactly(TwoWindowsOfKeys.A_ROWS + "/1",
        "3/1");
    for (Row row : rows) {
      assertThat(row.getField(0)).isInstanceOf(LocalDateTime.class);
      assertThat(row.getField(1)).isEqualTo(((LocalDateTime) row.getField(0)).plusSeconds(2));
    }
    assertThat(rows.get(1).getField(0)).isEqualTo(rows.get(0).getField(1));
  }

  @Test
  void processingTimeWindowRowsThatNoWindowAggregateClosesAreRefusedAsInFlink() {
    StreamTableEnvironment tEnv = environment();
    List<String> queries = List.of(
        // the rows on their own
        "SELECT f0, window_start FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '2' SECOND))",
        "SELECT f0, window_end FROM TABLE(CUMULATE(TABLE keys, DESCRIPTOR(pt), INTERVAL '1' SECOND, INTERVAL '2' SECOND))",
        // a window column in an aggregate's arguments
        """
        SELECT f0, window_start, window_end, MAX(window_time) FROM TABLE(HOP(TABLE keys, DESCRIPTOR(pt),
          INTERVAL '1' SECOND, INTERVAL '2' SECOND)) GROUP BY f0, window_start, window_end""",
        // a regular aggregate: no window_end among its keys
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE keys, DESCRIPTOR(pt), INTERVAL '2' SECOND))"
            + " GROUP BY window_start");
    for (String query : queries) {
      assertThatThrownBy(() -> tEnv.toChangelogStream(tEnv.sqlQuery(query)))
          .as(query)
          .isInstanceOf(TableException.class)
          .hasMessageContaining("Processing time Window TableFunction is not supported yet")
          .hasMessageContaining("'pt'");
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
   * job most of a window to see each batch and to end. It can wait a while longer before it ends.
   */
  static final class TwoWindowsOfKeys implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;
    static final int A_ROWS = 5;
    /** Whether a source of this kind has ended (the test's job runs in this JVM). */
    static final AtomicBoolean FINISHED = new AtomicBoolean();
    private static final long MARGIN_MILLIS = 150;
    private final long lingerMillis;
    private volatile boolean running = true;

    TwoWindowsOfKeys() {
      this(0);
    }

    /** Waits {@code lingerMillis} after the 'b' rows before it ends. */
    TwoWindowsOfKeys(long lingerMillis) {
      this.lingerMillis = lingerMillis;
    }

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
      long end = System.currentTimeMillis() + lingerMillis;
      while (running && System.currentTimeMillis() < end) {
        Thread.sleep(Math.min(50, Math.max(1, end - System.currentTimeMillis())));
      }
      FINISHED.set(true);
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
