package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.metrics.Counter;
import io.spate.api.types.Row;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code table.exec.sink.not-null-enforcer}: a NULL written into a {@code NOT NULL} column of a sink table fails
 * the job, naming the column and the table (ERROR, the default), or its row is dropped (DROP).
 */
class SqlSinkNotNullEnforcerE2ETest {

  private static final String INSERT = "INSERT INTO people SELECT id, name FROM (VALUES (1, 'ann'),"
      + " (2, CAST(NULL AS STRING)), (3, 'cy')) AS t(id, name)";

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.dml-sync", "true");
  }

  @Test
  void aNullInANotNullColumnFailsTheJobNamingColumnAndTable() {
    sink("id INT, name STRING NOT NULL");
    assertThatThrownBy(() -> tEnv.executeSql(INSERT))
        .hasMessageContaining("Column 'name' of table default_catalog.default_database.people is NOT NULL, but a"
            + " row with NULL in it is written into the table")
        .hasMessageContaining("'table.exec.sink.not-null-enforcer' = 'DROP'");
  }

  @Test
  void dropLeavesOutTheRowsWithANullInANotNullColumn() {
    tEnv.getConfig().set("table.exec.sink.not-null-enforcer", "DROP");
    String run = sink("id INT, name STRING NOT NULL");
    tEnv.executeSql(INSERT);
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(Row.of(1, "ann"), Row.of(3, "cy"));
  }

  @Test
  void dropCountsTheDroppedRowsInAMetric() {
    String reporterId = RecordingReporterFactory.configure(tEnv.getConfig().getConfiguration(), "rec");
    tEnv.getConfig().set("table.exec.sink.not-null-enforcer", "DROP");
    String run = sink("id INT, name STRING NOT NULL, city STRING NOT NULL");
    // Rows 2 and 4 have a NULL in one NOT NULL column, row 5 in both: three rows dropped, each counted once.
    tEnv.executeSql("INSERT INTO people SELECT id, name, city FROM (VALUES (1, 'ann', 'oslo'),"
        + " (2, CAST(NULL AS STRING), 'rome'), (3, 'cy', 'bern'), (4, 'di', CAST(NULL AS STRING)),"
        + " (5, CAST(NULL AS STRING), CAST(NULL AS STRING))) AS t(id, name, city)");
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(Row.of(1, "ann", "oslo"), Row.of(3, "cy", "bern"));
    List<RecordingReporter.Seen> dropped = RecordingReporter.withId(reporterId).added.stream()
        .filter(seen -> seen.name().equals("numRowsDroppedForNullInNotNullColumn")).toList();
    assertThat(dropped).singleElement().satisfies(seen -> {
      assertThat(seen.variables()).containsEntry("<operator_name>",
          "ConstraintEnforcer[NotNullEnforcer(fields=[name, city])]");
      assertThat(((Counter) seen.metric()).getCount()).isEqualTo(3);
    });
  }

  @Test
  void nullsInNullableColumnsAndNotNullQueryColumnsAreNotChecked() {
    String run = sink("id INT NOT NULL, name STRING");
    tEnv.executeSql(INSERT); // id is NOT NULL in the query too; name may be NULL in the table
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(Row.of(1, "ann"), Row.of(2, null),
        Row.of(3, "cy"));
  }

  @Test
  void aPrimaryKeyColumnIsNotNullToo() {
    sink("name STRING, id INT, PRIMARY KEY (name) NOT ENFORCED");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO people SELECT name, id FROM (VALUES (1, 'ann'),"
        + " (2, CAST(NULL AS STRING))) AS t(id, name)"))
        .hasMessageContaining("Column 'name' of table default_catalog.default_database.people is NOT NULL");
  }

  @Test
  void aBadModeIsNamed() {
    tEnv.getConfig().set("table.exec.sink.not-null-enforcer", "sometimes");
    sink("id INT, name STRING NOT NULL");
    assertThatThrownBy(() -> tEnv.executeSql(INSERT))
        .hasMessageContaining("'sometimes'").hasMessageContaining("table.exec.sink.not-null-enforcer");
  }

  private String sink(String columns) {
    String run = "people-" + UUID.randomUUID();
    tEnv.executeSql("CREATE TABLE people (" + columns + ") WITH ('connector' = 'changelog-collect', 'run' = '"
        + run + "')");
    return run;
  }
}
