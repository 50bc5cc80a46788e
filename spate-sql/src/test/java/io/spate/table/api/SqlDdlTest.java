package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DDL and session statements against the in-memory catalog; no job runs. */
class SqlDdlTest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void aTableWithComputedColumnsWatermarkAndKeyDescribesItself() {
    tEnv.executeSql("""
        CREATE TABLE orders (
          id BIGINT,
          price DECIMAL(10, 2),
          qty INT,
          total AS price * qty,
          ts TIMESTAMP(3),
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
          PRIMARY KEY (id) NOT ENFORCED
        ) WITH ('connector' = 'datagen')""");
    List<Row> rows = rows(tEnv.executeSql("DESCRIBE orders"));
    assertThat(rows).containsExactly(
        Row.of("id", "BIGINT", false, "PRI(id)", null, null),
        Row.of("price", "DECIMAL(10, 2)", true, null, null, null),
        Row.of("qty", "INT", true, null, null, null),
        Row.of("total", "DECIMAL(21, 2)", true, null, "AS price * qty", null),
        Row.of("ts", "TIMESTAMP(3) *ROWTIME*", true, null, null, "ts - INTERVAL '5' SECOND"));
    assertThat(tEnv.listTables()).containsExactly("orders");
  }

  /** As in Flink, DESCRIBE marks a PROCTIME() column as a processing-time attribute, and the rowtime column too. */
  @Test
  void describeMarksTheProcessingTimeAndTheRowtimeAttributes() {
    tEnv.executeSql("""
        CREATE TABLE clicks (
          n BIGINT,
          ts TIMESTAMP_LTZ(3),
          pt AS PROCTIME(),
          later AS ts + INTERVAL '1' SECOND,
          WATERMARK FOR ts AS ts
        ) WITH ('connector' = 'datagen')""");
    assertThat(rows(tEnv.executeSql("DESCRIBE clicks"))).containsExactly(
        Row.of("n", "BIGINT", true, null, null, null),
        Row.of("ts", "TIMESTAMP_LTZ(3) *ROWTIME*", true, null, null, "ts"),
        Row.of("pt", "TIMESTAMP_LTZ(3) *PROCTIME*", false, null, "AS PROCTIME()", null),
        Row.of("later", "TIMESTAMP_LTZ(3)", true, null, "AS ts + INTERVAL '1' SECOND", null));
    // still a time attribute to window on, and SHOW CREATE TABLE gives the column's expression, not its marker
    assertThat(tEnv.explainSql("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt),"
        + " INTERVAL '1' MINUTE)) GROUP BY window_start, window_end")).contains("TUMBLE");
    assertThat(rows(tEnv.executeSql("SHOW CREATE TABLE clicks")).get(0).getField(0).toString())
        .contains("`pt` AS PROCTIME()").doesNotContain("*PROCTIME*");
  }

  @Test
  void viewsDatabasesAndTemporaryTablesBehaveAsInFlink() {
    tEnv.executeSql("CREATE TABLE t (a INT, b STRING) WITH ('connector' = 'datagen')");
    tEnv.executeSql("CREATE VIEW v AS SELECT a + 1 AS a1, b FROM t");
    tEnv.executeSql("CREATE TEMPORARY TABLE tmp (x INT) WITH ('connector' = 'blackhole')");
    assertThat(rows(tEnv.executeSql("SHOW TABLES"))).containsExactly(Row.of("t"), Row.of("tmp"), Row.of("v"));
    assertThat(rows(tEnv.executeSql("SHOW VIEWS"))).containsExactly(Row.of("v"));
    assertThat(rows(tEnv.executeSql("DESCRIBE v"))).extracting(r -> r.getField(0), r -> r.getField(1))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", "INT"), org.assertj.core.groups.Tuple.tuple("b",
            "STRING"));
    assertThatThrownBy(() -> tEnv.executeSql("DROP TABLE tmp"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("DROP TEMPORARY TABLE");
    tEnv.executeSql("DROP TEMPORARY TABLE tmp");
    assertThatThrownBy(() -> tEnv.executeSql("DROP TABLE v"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("is a view");
    tEnv.executeSql("CREATE DATABASE db2");
    tEnv.executeSql("USE db2");
    assertThat(tEnv.listTables()).isEmpty();
    assertThat(rows(tEnv.executeSql("SHOW CURRENT DATABASE"))).containsExactly(Row.of("db2"));
    tEnv.executeSql("CREATE TABLE t2 (a INT) WITH ('connector' = 'datagen')");
    tEnv.executeSql("CREATE VIEW v2 AS SELECT * FROM default_database.t");
    tEnv.executeSql("USE default_database");
    // The view's stored query is fully qualified: it reads the same table whatever database is current.
    assertThat(rows(tEnv.executeSql("DESCRIBE db2.v2"))).hasSize(2);
    assertThat(rows(tEnv.executeSql("SHOW DATABASES"))).containsExactly(Row.of("db2"), Row.of("default_database"));
  }

  @Test
  void setShowsAndResetsTheSessionsOptions() {
    tEnv.executeSql("SET 'table.local-time-zone' = 'Europe/Berlin'");
    tEnv.executeSql("SET 'parallelism.default' = '3'");
    assertThat(rows(tEnv.executeSql("SET"))).containsExactly(Row.of("parallelism.default", "3"),
        Row.of("table.local-time-zone", "Europe/Berlin"));
    assertThat(tEnv.getConfig().getLocalTimeZone().getId()).isEqualTo("Europe/Berlin");
    tEnv.executeSql("RESET 'parallelism.default'");
    assertThat(rows(tEnv.executeSql("SET"))).containsExactly(Row.of("table.local-time-zone", "Europe/Berlin"));
    assertThatThrownBy(() -> tEnv.executeSql("SET 'table.local-time-zone' = 'Mars/Base'"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'Mars/Base' is not a time zone");
  }

  @Test
  void badDdlGetsPreciseErrors() {
    assertThatThrownBy(() -> tEnv.executeSql("CREATE TABLE t (a INTT) WITH ('connector' = 'datagen')"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'a'")
        .hasMessageContaining("line 1, column 19");
    assertThatThrownBy(() -> tEnv.executeSql("CREATE TABLE t (a INT, a STRING) WITH ()"))
        .hasMessageContaining("two columns named 'a'");
    assertThatThrownBy(() -> tEnv.executeSql("CREATE TABLE t (a INT, WATERMARK FOR a AS a) WITH ()"))
        .hasMessageContaining("TIMESTAMP(p) or TIMESTAMP_LTZ(p)");
    assertThatThrownBy(() -> tEnv.executeSql("CREATE TABLE t (a INT, b AS c + 1) WITH ()"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("c");
    assertThatThrownBy(() -> tEnv.executeSql("CREATE TABLE t (a INT, PRIMARY KEY (b) NOT ENFORCED) WITH ()"))
        .hasMessageContaining("names column 'b', which does not exist");
    tEnv.executeSql("CREATE TABLE t (a INT) WITH ()");
    assertThatThrownBy(() -> tEnv.executeSql("CREATE TABLE t (a INT) WITH ()"))
        .hasMessageContaining("already exists");
    tEnv.executeSql("CREATE TABLE IF NOT EXISTS t (a INT) WITH ()");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t MATCH_RECOGNIZE (PATTERN (A) DEFINE A AS true)"))
        .isInstanceOf(TableException.class).hasMessageContaining("MATCH_RECOGNIZE");
  }
}
