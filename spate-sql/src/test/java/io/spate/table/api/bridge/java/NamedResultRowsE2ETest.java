package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.TableEnvironment;
import io.spate.table.connector.ChangelogMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rows a program receives from a query answer to their columns' names as well as their positions, as
 * Flink's do: read by name in a function chained to the query (so the row is the query's own object, not
 * one a serializer made) and from {@code TableResult.collect()}.
 */
class NamedResultRowsE2ETest {

  private static final String VISITS = "SELECT url, cnt, ROW(url, cnt) AS pair FROM (VALUES ('a', 1), ('b', 2))"
      + " AS v(url, cnt)";

  private static String byName(Row row) {
    return row.getKind().shortString() + " " + row.getField("url") + "=" + row.getField("cnt")
        + " " + row.getFieldNames(true);
  }

  @Test
  void toDataStreamRowsAreReadByNameInTheProgram() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    Table visits = tEnv.sqlQuery(VISITS);
    List<String> read = tEnv.toDataStream(visits).map(row -> byName(row)
        + " " + ((Row) row.getField("pair")).getFieldNames(true), Types.STRING).executeAndCollect(10);
    assertThat(read).containsExactly("+I a=1 [url, cnt, pair] [EXPR$0, EXPR$1]",
        "+I b=2 [url, cnt, pair] [EXPR$0, EXPR$1]");
    List<Row> rows = tEnv.toDataStream(visits).executeAndCollect(10);
    assertThat(rows.get(0)).isEqualTo(Row.of("a", 1, Row.of("a", 1)));
    assertThat(rows.get(0).hashCode()).isEqualTo(Row.of("a", 1, Row.of("a", 1)).hashCode());
    assertThat(rows.get(0)).hasToString("+I[a, 1, +I[a, 1]]");
  }

  @Test
  void toChangelogStreamRowsKeepTheirKindAndAreReadByName() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    Table counts = tEnv.sqlQuery("SELECT url, COUNT(*) AS cnt FROM (VALUES ('a'), ('a')) AS v(url) GROUP BY url");
    assertThat(tEnv.toChangelogStream(counts).map(NamedResultRowsE2ETest::byName, Types.STRING)
        .executeAndCollect(10))
        .containsExactly("+I a=1 [url, cnt]", "-U a=1 [url, cnt]", "+U a=2 [url, cnt]");
    Table upserts = tEnv.sqlQuery("SELECT CAST(url AS STRING) AS url, COUNT(*) AS cnt FROM (VALUES ('a'), ('a')) AS v(url) GROUP BY url");
    assertThat(tEnv.toChangelogStream(upserts, Schema.newBuilder().column("cnt", "BIGINT").column("url", "STRING")
        .build(), ChangelogMode.upsert()).map(NamedResultRowsE2ETest::byName, Types.STRING).executeAndCollect(10))
        .containsExactly("+I a=1 [cnt, url]", "+U a=2 [cnt, url]");
  }

  @Test
  void collectedRowsAreReadByName() throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    List<String> read = new ArrayList<>();
    try (CloseableIterator<Row> rows = tEnv.executeSql(VISITS).collect()) {
      rows.forEachRemaining(row -> read.add(byName(row)));
    }
    assertThat(read).containsExactlyInAnyOrder("+I a=1 [url, cnt, pair]", "+I b=2 [url, cnt, pair]");
    List<Row> changes = new ArrayList<>();
    try (CloseableIterator<Row> rows = tEnv.executeSql(
        "SELECT url, COUNT(*) AS cnt FROM (VALUES ('a'), ('a')) AS v(url) GROUP BY url").collect()) {
      rows.forEachRemaining(changes::add);
    }
    assertThat(changes).extracting(row -> row.getKind() + " " + row.getField("cnt"))
        .containsExactly("INSERT 1", "UPDATE_BEFORE 1", "UPDATE_AFTER 2");
    assertThat(changes.get(2)).isEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
  }
}
