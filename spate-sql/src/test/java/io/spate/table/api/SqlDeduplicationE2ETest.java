package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deduplication with {@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY rowtime ASC|DESC)} and
 * {@code rn = 1}: the first row in event time per key as one insert once the watermark passes it,
 * and the last row as a changelog that retracts the row it replaces; in processing time
 * ({@code PROCTIME()}), the first row to arrive, or each new row replacing the one before it.
 */
class SqlDeduplicationE2ETest {

  private TableEnvironment tEnv;

  @BeforeEach
  void createTable() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    // Event n has key n / 4 and happens at n seconds if n is even, else at n - 3 seconds: each key's
    // events come at 4k, 4k - 2, 4k + 2 and 4k seconds, in that order of arrival.
    tEnv.executeSql("""
        CREATE TABLE events (
          n BIGINT,
          k AS n / 4,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'
              + INTERVAL '1' SECOND * CASE WHEN n % 2 = 0 THEN n ELSE n - 3 END AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '11')""");
  }

  @Test
  void ascendingKeepsEachKeysEarliestRowAsOneInsert() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT n, k FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts ASC) AS rn FROM events)
        WHERE rn = 1"""));
    // The second event of each key is its earliest, though it arrives after the first.
    assertThat(rows).containsExactlyInAnyOrder(Row.of(1L, 0L), Row.of(5L, 1L), Row.of(9L, 2L));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
  }

  @Test
  void rankAtMostOneIsADeduplicationToo() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT n FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn FROM events)
        WHERE rn <= 1"""));
    assertThat(rows).containsExactlyInAnyOrder(Row.of(1L), Row.of(5L), Row.of(9L));
  }

  @Test
  void descendingKeepsTheLastRowAndRetractsTheOneItReplaces() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT n, k FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn FROM events)
        WHERE rn = 1"""));
    // Per key: the first event goes in; the second is earlier and changes nothing; the third is
    // later and replaces the first; the fourth is earlier than the third.
    assertThat(rows).containsExactly(
        Row.ofKind(RowKind.INSERT, 0L, 0L),
        Row.ofKind(RowKind.UPDATE_BEFORE, 0L, 0L),
        Row.ofKind(RowKind.UPDATE_AFTER, 2L, 0L),
        Row.ofKind(RowKind.INSERT, 4L, 1L),
        Row.ofKind(RowKind.UPDATE_BEFORE, 4L, 1L),
        Row.ofKind(RowKind.UPDATE_AFTER, 6L, 1L),
        Row.ofKind(RowKind.INSERT, 8L, 2L),
        Row.ofKind(RowKind.UPDATE_BEFORE, 8L, 2L),
        Row.ofKind(RowKind.UPDATE_AFTER, 10L, 2L));
  }

  @Test
  void aSelectedRankOfOneIsTheConstantOneOfADeduplication() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT n, rn FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn FROM events)
        WHERE rn = 1 AND k = 0"""));
    assertThat(rows).containsExactly(Row.ofKind(RowKind.INSERT, 1L, 1L));
  }

  @Test
  void aTopTwoByTimeIsATopNThatRanksLaterArrivalsOfEarlierTimes() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT n, rn FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn FROM events)
        WHERE rn <= 2 AND k = 0"""));
    // Key 0's events: n = 0 at 0 s, n = 1 at -2 s, n = 2 at 2 s, n = 3 at 0 s (ties rank after n = 0).
    assertThat(rows).containsExactly(
        Row.ofKind(RowKind.INSERT, 0L, 1L),
        Row.ofKind(RowKind.UPDATE_BEFORE, 0L, 1L),
        Row.ofKind(RowKind.UPDATE_AFTER, 1L, 1L),
        Row.ofKind(RowKind.INSERT, 0L, 2L));
  }

  @Test
  void inProcessingTimeTheFirstArrivalIsKeptAtOnceAndTheLastReplacesItsPredecessor() {
    tEnv.executeSql("""
        CREATE TABLE clicks (n BIGINT, k AS n / 4, pt AS PROCTIME())
        WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '7')""");
    List<Row> first = rows(tEnv.executeSql("""
        SELECT n, k FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt) AS rn FROM clicks)
        WHERE rn = 1"""));
    assertThat(first).containsExactly(Row.of(0L, 0L), Row.of(4L, 1L));
    List<Row> last = rows(tEnv.executeSql("""
        SELECT n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt DESC) AS rn FROM clicks)
        WHERE rn = 1 AND k = 0"""));
    assertThat(last).containsExactly(
        Row.ofKind(RowKind.INSERT, 0L),
        Row.ofKind(RowKind.UPDATE_BEFORE, 0L),
        Row.ofKind(RowKind.UPDATE_AFTER, 1L),
        Row.ofKind(RowKind.UPDATE_BEFORE, 1L),
        Row.ofKind(RowKind.UPDATE_AFTER, 2L),
        Row.ofKind(RowKind.UPDATE_BEFORE, 2L),
        Row.ofKind(RowKind.UPDATE_AFTER, 3L));
  }
}
