package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query whose select list names two columns alike (the {@code url} of both sides of a join) runs, its
 * later columns renamed apart as Flink's planner does ({@code url0}, {@code url00}, ...), wherever the
 * result goes; a view must name its columns apart itself, as in Flink.
 */
class SqlDuplicateColumnNamesE2ETest {

  private static final String JOIN = "FROM a JOIN b ON a.id = b.id";

  private StreamTableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    tEnv = StreamTableEnvironment.create(env);
    tEnv.executeSql("CREATE VIEW a (id, url) AS VALUES (1, 'x'), (2, 'y')");
    tEnv.executeSql("CREATE VIEW b (id, url) AS VALUES (1, 'p'), (2, 'q')");
  }

  @Test
  void aRepeatedNameGetsTheSmallestNumberThatMakesItUnique() {
    // url0 is taken by the third column's alias when the second url is renamed, so that one becomes url00.
    Table table = tEnv.sqlQuery("SELECT a.url, b.url, a.url AS url0, b.id AS URL, UPPER(b.url) " + JOIN);
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("url", "url0", "url00", "URL", "EXPR$4");
  }

  @Test
  void theCollectedResultHasTheRenamedColumns() throws Exception {
    TableResult result = tEnv.executeSql("SELECT a.url, b.url, a.id, b.id " + JOIN);
    assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("url", "url0", "id", "id0");
    assertThat(collect(result)).containsExactlyInAnyOrder(Row.of("x", "p", 1, 1), Row.of("y", "q", 2, 2));
  }

  @Test
  void aStarOverTheJoinAndAnOuterQueryOfItSeeTheSameNames() throws Exception {
    assertThat(tEnv.sqlQuery("SELECT * " + JOIN).getResolvedSchema().getColumnNames())
        .containsExactly("id", "url", "id0", "url0");
    TableResult outer = tEnv.executeSql("SELECT url0, url FROM (SELECT * " + JOIN + ")");
    assertThat(outer.getResolvedSchema().getColumnNames()).containsExactly("url0", "url");
    assertThat(collect(outer)).containsExactlyInAnyOrder(Row.of("p", "x"), Row.of("q", "y"));
  }

  @Test
  void theTableApiReadsTheRenamedColumns() throws Exception {
    Table renamed = tEnv.sqlQuery("SELECT a.url, b.url " + JOIN).select(Expressions.$("url0"), Expressions.$("url"));
    assertThat(renamed.getResolvedSchema().getColumnNames()).containsExactly("url0", "url");
    assertThat(collect(renamed.execute())).containsExactlyInAnyOrder(Row.of("p", "x"), Row.of("q", "y"));
  }

  @Test
  void anInsertTakesTheColumnsByPosition() throws Exception {
    String run = UUID.randomUUID().toString();
    tEnv.executeSql("CREATE TABLE pairs (mine STRING, theirs STRING) WITH ('connector' = 'changelog-collect',"
        + " 'run' = '" + run + "', 'changelog-mode' = 'insert-only')");
    tEnv.executeSql("INSERT INTO pairs SELECT a.url, b.url " + JOIN).await();
    assertThat(ChangelogCollectingSink.received(run)).containsExactlyInAnyOrder(Row.of("x", "p"), Row.of("y", "q"));
  }

  @Test
  void aDataStreamOfTheResultHasBothColumns() throws Exception {
    DataStream<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("SELECT a.url, b.url " + JOIN));
    List<Row> received = new ArrayList<>();
    try (CloseableIterator<Row> it = rows.executeAndCollect()) {
      it.forEachRemaining(received::add);
    }
    assertThat(received).containsExactlyInAnyOrder(Row.of("x", "p"), Row.of("y", "q"));
  }

  @Test
  void aViewMustNameItsColumnsApart() throws Exception {
    assertThatThrownBy(() -> tEnv.executeSql("CREATE VIEW j AS SELECT a.url, b.url " + JOIN))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("View")
        .hasMessageContaining("two columns named `url`");
    tEnv.executeSql("CREATE VIEW j (mine, theirs) AS SELECT a.url, b.url " + JOIN);
    tEnv.executeSql("CREATE VIEW s AS SELECT * " + JOIN);
    assertThat(tEnv.sqlQuery("SELECT * FROM j").getResolvedSchema().getColumnNames()).containsExactly("mine", "theirs");
    assertThat(tEnv.sqlQuery("SELECT * FROM s").getResolvedSchema().getColumnNames())
        .containsExactly("id", "url", "id0", "url0");
    assertThat(collect(tEnv.executeSql("SELECT theirs FROM j"))).containsExactlyInAnyOrder(Row.of("p"), Row.of("q"));
  }

  private static List<Row> collect(TableResult result) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = result.collect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
