package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.ExplainDetail;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.testing.ChangelogFold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code fromChangelogStream}: a stream of rows with their kinds as a table of every kind of change,
 * of upserts by the primary key (normalized into a full changelog, as Flink does) or of inserts.
 */
class ChangelogStreamToTableE2ETest {

  private static final String[] NAMES = {"name", "score"};

  /** Upserts of scores per name: each name's last change is its score, or none if deleted. */
  private static List<Row> upserts() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String name = "n" + i % 7;
      rows.add(Row.ofKind(i < 7 ? RowKind.INSERT : RowKind.UPDATE_AFTER, name, i));
    }
    rows.add(Row.ofKind(RowKind.DELETE, "n3", null));
    rows.add(Row.ofKind(RowKind.UPDATE_AFTER, "n3", 1000)); // back again
    rows.add(Row.ofKind(RowKind.DELETE, "n5", null));
    return rows;
  }

  @Test
  void anUpsertStreamIsNormalizedAndAggregatedByItsLastValuePerKey() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Row> stream = env.fromData(upserts(), Types.ROW_NAMED(NAMES, Types.STRING, Types.INT))
        .keyBy(row -> (String) row.getField(0), Types.STRING).map(row -> row, Types.ROW_NAMED(NAMES, Types.STRING,
            Types.INT));
    Table scores = tEnv.fromChangelogStream(stream, Schema.newBuilder().primaryKey("name").build(),
        ChangelogMode.upsert());
    tEnv.createTemporaryView("scores", scores);
    String query = "SELECT COUNT(*) AS names, SUM(score) AS total, MAX(score) AS best FROM scores";
    String plan = tEnv.explainSql(query, ExplainDetail.CHANGELOG_MODE);
    assertThat(plan).contains("ChangelogNormalize").contains("changelogMode=[I,UA,D]");
    Map<String, Integer> last = new HashMap<>();
    for (Row row : upserts()) {
      if (row.getKind() == RowKind.DELETE) {
        last.remove((String) row.getField(0));
      } else {
        last.put((String) row.getField(0), (Integer) row.getField(1));
      }
    }
    int total = last.values().stream().mapToInt(Integer::intValue).sum();
    int best = last.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    Map<Row, Integer> folded = ChangelogFold.fold(tEnv.toChangelogStream(tEnv.sqlQuery(query))
        .executeAndCollect(1000));
    assertThat(folded).isEqualTo(Map.of(Row.of((long) last.size(), total, best), 1));
  }

  @Test
  void aRetractStreamOfEveryKindIsTheTableItsChangesLeave() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Row> stream = env.fromData(List.of(
        Row.ofKind(RowKind.INSERT, "Alice", 12),
        Row.ofKind(RowKind.INSERT, "Bob", 5),
        Row.ofKind(RowKind.UPDATE_BEFORE, "Alice", 12),
        Row.ofKind(RowKind.UPDATE_AFTER, "Alice", 100),
        Row.ofKind(RowKind.INSERT, "Carol", 7),
        Row.ofKind(RowKind.DELETE, "Bob", 5)), Types.ROW_NAMED(NAMES, Types.STRING, Types.INT));
    Table table = tEnv.fromChangelogStream(stream);
    tEnv.createTemporaryView("scores", table);
    assertThat(tEnv.explainSql("SELECT name, SUM(score) FROM scores GROUP BY name", ExplainDetail.CHANGELOG_MODE))
        .doesNotContain("ChangelogNormalize").contains("changelogMode=[I,UB,UA,D]");
    Map<Row, Integer> folded = ChangelogFold.fold(tEnv.toChangelogStream(
        tEnv.sqlQuery("SELECT name, SUM(score) AS score FROM scores GROUP BY name")).executeAndCollect(100));
    assertThat(folded).isEqualTo(Map.of(Row.of("Alice", 100), 1, Row.of("Carol", 7), 1));
  }

  @Test
  void anInsertOnlyChangelogStreamIsAnAppendTable() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Row> stream = env.fromData(List.of(Row.of("a", 1), Row.of("b", 2)),
        Types.ROW_NAMED(NAMES, Types.STRING, Types.INT));
    Table table = tEnv.fromChangelogStream(stream, Schema.derived(), ChangelogMode.insertOnly());
    assertThat(tEnv.toDataStream(table).executeAndCollect(10)).containsExactlyInAnyOrder(Row.of("a", 1),
        Row.of("b", 2));
  }

  @Test
  void anUpsertStreamWithoutAPrimaryKeyIsRefused() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Row> stream = env.fromData(upserts(), Types.ROW_NAMED(NAMES, Types.STRING, Types.INT));
    assertThatThrownBy(() -> tEnv.fromChangelogStream(stream, Schema.derived(), ChangelogMode.upsert()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("primary key");
  }
}
