package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY, LIMIT and OFFSET/FETCH: in streaming mode as a Top-N without partition, a limit, or a
 * sort on a time attribute; in batch mode as the final sorted rows.
 */
class SqlSortLimitE2ETest {

  private static final String NUMBERS = "(VALUES (5, 'e'), (1, 'a'), (4, 'd'), (2, 'b'), (3, 'c'), (6, 'f'))"
      + " AS t (n, s)";

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void orderByWithLimitIsATopNWhoseChangelogLeavesTheFirstRows() throws Exception {
    tEnv.getConfig().set("parallelism.default", "2");
    assertThat(folded(tEnv.executeSql("SELECT s, n FROM " + NUMBERS + " ORDER BY n DESC LIMIT 3")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Row.of("f", 6), 1, Row.of("e", 5), 1, Row.of("d", 4), 1));
    assertThat(folded(tEnv.executeSql("SELECT s FROM " + NUMBERS + " ORDER BY n OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Row.of("b"), 1, Row.of("c"), 1));
  }

  @Test
  void orderByWithLimitFollowsAnUpdatingInput() throws Exception {
    assertThat(folded(tEnv.executeSql("""
        SELECT k, total FROM (
          SELECT k, SUM(v) AS total
          FROM (VALUES ('a', 1), ('b', 5), ('a', 9), ('c', 3), ('b', 1)) AS t (k, v) GROUP BY k)
        ORDER BY total DESC LIMIT 2""")))
        .containsExactlyInAnyOrderEntriesOf(Map.of(Row.of("a", 10), 1, Row.of("b", 6), 1));
  }

  @Test
  void limitWithoutOrderPassesOnTheFirstRowsAsInserts() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("SELECT n FROM " + NUMBERS + " LIMIT 4"));
    assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).doesNotHaveDuplicates();
  }

  @Test
  void theChangelogModesShowInExplain() {
    assertThat(tEnv.explainSql("SELECT n FROM " + NUMBERS + " ORDER BY n DESC LIMIT 3", ExplainDetail.CHANGELOG_MODE))
        .contains("LogicalSort(sort0=[$0], dir0=[DESC-nulls-last], fetch=[3], changelogMode=[I,D])");
    assertThat(tEnv.explainSql("SELECT n FROM " + NUMBERS + " LIMIT 3", ExplainDetail.CHANGELOG_MODE))
        .contains("LogicalSort(fetch=[3], changelogMode=[I])");
  }

  @Test
  void limitWithoutOrderOverAnUpdatingInputFailsNamingTheUpdatingNode() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT k, COUNT(*) FROM " + NUMBERS.replace("(n, s)", "(n, k)")
        + " GROUP BY k LIMIT 2"))
        .isInstanceOf(TableException.class)
        .hasMessage("LIMIT without ORDER BY over an updating input (node GroupAggregate(groupBy=[k], select=[k,"
            + " COUNT(*) AS EXPR$1])) is not supported; add an ORDER BY");
  }

  @Test
  void orderByANonTimeColumnWithoutLimitFailsInStreamingMode() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT n FROM " + NUMBERS + " ORDER BY n"))
        .isInstanceOf(TableException.class)
        .hasMessageStartingWith("Sort on a non-time-attribute field is not supported.")
        .hasMessageContaining("(here: n ASC)");
  }

  @Test
  void orderByEventTimeReleasesRowsInTimeOrderAsTheWatermarkPasses() throws Exception {
    tEnv.getConfig().set("parallelism.default", "2");
    // Row n is at second m + 3 - 2 * (m % 4) for m = n / 2: two rows a second, out of order within 4 seconds.
    tEnv.executeSql("""
        CREATE TABLE events (
          n BIGINT,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'
              + INTERVAL '1' SECOND * (n / 2 + 3 - 2 * MOD(n / 2, 4)) AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '79')""");
    List<Row> rows = rows(tEnv.executeSql("SELECT ts, n FROM events ORDER BY ts, n DESC"));
    List<Row> expected = new ArrayList<>();
    for (long n = 0; n < 80; n++) {
      long m = n / 2;
      expected.add(Row.of(LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(m + 3 - 2 * (m % 4)), n));
    }
    expected.sort(Comparator.<Row, LocalDateTime>comparing(r -> (LocalDateTime) r.getField(0))
        .thenComparing(r -> -(Long) r.getField(1)));
    assertThat(rows).containsExactlyElementsOf(expected);
  }

  @Test
  void aTopNWithoutPartitionIsNamedAsFlinkNamesIt() {
    StreamTableEnvironment streams = StreamTableEnvironment.create(StreamExecutionEnvironment.getExecutionEnvironment());
    assertThatThrownBy(() -> streams.toDataStream(streams.sqlQuery("SELECT n FROM " + NUMBERS
        + " ORDER BY n DESC, s OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("made by node SortLimit(orderBy=[n DESC, s ASC], offset=[1], fetch=[2])");
  }

  @Test
  void orderByProcessingTimeReleasesTheRowsAsTheClockMoves() throws Exception {
    tEnv.executeSql("""
        CREATE TABLE ticks (n BIGINT, pt AS PROCTIME())
        WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1',
              'fields.n.end' = '50', 'rows-per-second' = '500')""");
    List<Row> rows = rows(tEnv.executeSql("SELECT n FROM ticks ORDER BY pt, n DESC"));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT))
        .doesNotHaveDuplicates().hasSize(50);
  }

  @Test
  void batchModeSortsAnyColumnsAndLimits() throws Exception {
    TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    batch.getConfig().set("parallelism.default", "2");
    assertThat(rows(batch.executeSql("SELECT s FROM " + NUMBERS + " ORDER BY n DESC")))
        .containsExactly(Row.of("f"), Row.of("e"), Row.of("d"), Row.of("c"), Row.of("b"), Row.of("a"));
    assertThat(rows(batch.executeSql("SELECT n FROM " + NUMBERS + " ORDER BY s LIMIT 2")))
        .containsExactly(Row.of(1), Row.of(2));
    assertThat(rows(batch.executeSql("SELECT n FROM " + NUMBERS + " ORDER BY n OFFSET 4 ROWS")))
        .containsExactly(Row.of(5), Row.of(6));
    assertThat(rows(batch.executeSql("""
        SELECT k, SUM(v) AS total FROM (VALUES ('a', 1), ('b', 5), ('a', 9), ('c', 3)) AS t (k, v)
        GROUP BY k ORDER BY total""")))
        .containsExactly(Row.of("c", 3), Row.of("b", 5), Row.of("a", 10));
  }
}
