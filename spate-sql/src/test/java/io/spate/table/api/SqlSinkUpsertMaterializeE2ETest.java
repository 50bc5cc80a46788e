package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code table.exec.sink.upsert-materialize}: an upsert sink whose primary key is not the key the
 * query updates by gets the query's changes materialized by its key, so that it ends up holding the
 * query's result; with NONE it can keep a row the query retracted.
 */
class SqlSinkUpsertMaterializeE2ETest {

  /** Id 2's name changes from 'n' to 'z': the sink keyed by name must go back to id 1 for 'n'. */
  private static final String RENAMED = "INSERT INTO by_name SELECT name, id FROM (SELECT id, MAX(name) AS name"
      + " FROM (VALUES (1, 'n'), (2, 'n'), (2, 'z')) AS t(id, name) GROUP BY id)";

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.dml-sync", "true");
  }

  @Test
  void aSinkKeyedByOtherColumnsThanTheQueryUpdatesByHoldsTheQueryResult() {
    String run = byNameSink();
    tEnv.executeSql(RENAMED);
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(
        Row.ofKind(RowKind.INSERT, "n", 1), Row.ofKind(RowKind.UPDATE_AFTER, "n", 2),
        Row.ofKind(RowKind.UPDATE_AFTER, "n", 1), Row.ofKind(RowKind.INSERT, "z", 2));
    assertThat(upsertTable(ChangelogCollectingSink.received(run)))
        .containsExactly(Map.entry("n", Row.of("n", 1)), Map.entry("z", Row.of("z", 2)));
  }

  @Test
  void withoutMaterializingTheSinkKeepsARetractedRow() {
    tEnv.getConfig().set("table.exec.sink.upsert-materialize", "none");
    String run = byNameSink();
    tEnv.executeSql(RENAMED);
    assertThat(upsertTable(ChangelogCollectingSink.received(run)))
        .containsEntry("n", Row.of("n", 2)); // id 2 is no longer named 'n'
  }

  @Test
  void aSinkKeyedByTheQuerysKeyIsNotMaterializedUnlessForced() {
    String query = "INSERT INTO counts SELECT k, COUNT(*) FROM (VALUES ('a'), ('b'), ('a')) AS words(k) GROUP BY k";
    String auto = sink("counts", "k STRING, cnt BIGINT, PRIMARY KEY (k) NOT ENFORCED");
    tEnv.executeSql(query);
    assertThat(ChangelogCollectingSink.received(auto)).containsExactly(Row.ofKind(RowKind.INSERT, "a", 1L),
        Row.ofKind(RowKind.INSERT, "b", 1L), Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));

    tEnv.getConfig().set("table.exec.sink.upsert-materialize", "force");
    tEnv.executeSql("DROP TABLE counts");
    String forced = sink("counts", "k STRING, cnt BIGINT, PRIMARY KEY (k) NOT ENFORCED");
    tEnv.executeSql(query);
    // The materializer sees the update as the retraction of the key's only row, then a new one.
    assertThat(ChangelogCollectingSink.received(forced)).containsExactly(Row.ofKind(RowKind.INSERT, "a", 1L),
        Row.ofKind(RowKind.INSERT, "b", 1L), Row.ofKind(RowKind.DELETE, "a", 1L), Row.ofKind(RowKind.INSERT, "a", 2L));
    assertThat(upsertTable(ChangelogCollectingSink.received(forced)))
        .containsOnly(Map.entry("a", Row.of("a", 2L)), Map.entry("b", Row.of("b", 1L)));
  }

  @Test
  void aBadModeIsNamed() {
    tEnv.getConfig().set("table.exec.sink.upsert-materialize", "sometimes");
    byNameSink();
    assertThatThrownBy(() -> tEnv.executeSql(RENAMED))
        .hasMessageContaining("'sometimes'").hasMessageContaining("table.exec.sink.upsert-materialize")
        .hasMessageContaining("auto, force, none");
  }

  private String byNameSink() {
    return sink("by_name", "name STRING, id INT, PRIMARY KEY (name) NOT ENFORCED");
  }

  private String sink(String name, String columns) {
    String run = name + "-" + UUID.randomUUID();
    tEnv.executeSql("CREATE TABLE " + name + " (" + columns + ") WITH ('connector' = 'changelog-collect',"
        + " 'changelog-mode' = 'upsert', 'run' = '" + run + "')");
    return run;
  }

  /** What an upsert sink keyed by the first column holds after {@code changes}. */
  private static Map<Object, Row> upsertTable(List<Row> changes) {
    Map<Object, Row> table = new LinkedHashMap<>();
    for (Row change : changes) {
      Row row = Row.copy(change);
      row.setKind(RowKind.INSERT);
      if (change.getKind() == RowKind.DELETE) {
        table.remove(change.getField(0));
      } else {
        table.put(change.getField(0), row);
      }
    }
    return table;
  }
}
