package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code INSERT INTO t (a, c) SELECT ...}: the query gives the listed columns, in the list's order; the other
 * columns of the table are NULL, which a {@code NOT NULL} one refuses; the listed columns take the query's types
 * by the same implicit casts as a full INSERT.
 */
class SqlInsertColumnListE2ETest {

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.dml-sync", "true");
  }

  @Test
  void theListedColumnsGetTheQuerysColumnsInTheListsOrderAndTheOthersNull() {
    String run = sink("a INT, b STRING, c BIGINT, d DOUBLE");
    tEnv.executeSql("INSERT INTO t (c, a) SELECT CAST(n * 10 AS BIGINT), n FROM (VALUES (1), (2)) AS v(n)");
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(Row.of(1, null, 10L, null),
        Row.of(2, null, 20L, null));
  }

  @Test
  void aListedColumnWidensTheQuerysTypeAsAFullInsertDoes() {
    String run = sink("a INT, b STRING, c BIGINT");
    tEnv.executeSql("INSERT INTO t (a, c) SELECT n, n FROM (VALUES (1)) AS v(n)"); // INT into BIGINT
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(Row.of(1, null, 1L));
  }

  @Test
  void aStringIntoAListedIntColumnIsRefusedWithFlinksMessage() {
    sink("a INT, b STRING, c BIGINT");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t (b, c) SELECT 'x', 'y'"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Column types of query result and sink for 'default_catalog.default_database.t' do"
            + " not match.\nCause: Incompatible types for sink column 'c' at position 2.")
        .hasMessageEndingWith("\nSink schema:  [b: STRING, c: BIGINT]");
  }

  @Test
  void aNotNullColumnMustBeListed() {
    sink("a INT NOT NULL, b STRING, c BIGINT");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t (b, c) SELECT 'x', CAST(1 AS BIGINT)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Column 'a' has no default value and does not allow NULLs");
  }

  @Test
  void theListMustNameColumnsOfTheTableOnceAndMatchTheQuerysWidth() {
    sink("a INT, b STRING, c BIGINT");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t (a, x) SELECT 1, 2"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'x'");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t (a, a) SELECT 1, 2"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'a'");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t (a, c) SELECT 1"))
        .isInstanceOf(ValidationException.class);
  }

  private String sink(String columns) {
    String run = "t-" + UUID.randomUUID();
    tEnv.executeSql("CREATE TABLE t (" + columns + ") WITH ('connector' = 'changelog-collect', 'run' = '" + run
        + "')");
    return run;
  }
}
