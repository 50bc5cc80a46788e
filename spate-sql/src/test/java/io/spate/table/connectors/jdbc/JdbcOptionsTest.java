package io.spate.table.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wrong options of a {@code jdbc} table fail when a statement first uses the table, naming the table,
 * the option and what was expected (for a misspelling the nearest known option); no database is
 * needed to find them.
 */
class JdbcOptionsTest {

  private TableEnvironment tEnv;

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
  }

  private void createTable(String columns, String options) {
    tEnv.executeSql("DROP TABLE IF EXISTS t");
    tEnv.executeSql("CREATE TABLE t " + columns + " WITH ('connector' = 'jdbc', " + options + ")");
  }

  private void create(String options) {
    createTable("(id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED)",
        "'url' = 'jdbc:postgresql://127.0.0.1:1/db', 'table-name' = 't'" + (options.isEmpty() ? "" : ", " + options));
  }

  @Test
  void aMisspelledOptionNamesTheNearestOne() {
    create("'sink.buffer-flush.max-row' = '10'");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t VALUES (1, 'a')")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("default_catalog.default_database.t")
        .hasMessageContaining("'sink.buffer-flush.max-row' (did you mean 'sink.buffer-flush.max-rows'?)");
    create("'lookup.partial-cache.expire-after-wirte' = '1 min'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("(did you mean 'lookup.partial-cache.expire-after-write'?)");
  }

  @Test
  void aMissingRequiredOptionIsNamed() {
    createTable("(id INT)", "'url' = 'jdbc:postgresql://127.0.0.1:1/db'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("misses the required option(s) table-name");
  }

  @Test
  void aUrlWithoutADialectNamesTheSupportedPrefixes() {
    createTable("(id INT)", "'url' = 'jdbc:mysql://127.0.0.1:3306/db', 'table-name' = 't'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("jdbc:mysql://127.0.0.1:3306/db").hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  void aUserNeedsAPasswordAndPartitionOptionsComeTogether() {
    create("'username' = 'u'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'username' and 'password'");
    create("'scan.partition.column' = 'id', 'scan.partition.num' = '2'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'scan.partition.lower-bound'");
    create("'scan.partition.column' = 'name', 'scan.partition.num' = '2', 'scan.partition.lower-bound' = '0',"
        + " 'scan.partition.upper-bound' = '9'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'name' is STRING");
    create("'scan.partition.column' = 'id', 'scan.partition.num' = '2', 'scan.partition.lower-bound' = '10',"
        + " 'scan.partition.upper-bound' = '9'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not be greater than 'scan.partition.upper-bound' (9)");
  }

  @Test
  void aPartialCacheNeedsItsSizeAndBadValuesAreNamed() {
    create("'lookup.cache' = 'PARTIAL'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'lookup.partial-cache.max-rows'");
    create("'lookup.cache' = 'FULL'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'lookup.cache' = 'FULL'");
    create("'sink.max-retries' = '-1'");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t VALUES (1, 'a')")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'sink.max-retries' must not be negative");
  }

  @Test
  void aColumnOfATypeWithoutAMappingIsNamed() {
    createTable("(id INT, tags MAP<STRING, INT>)", "'url' = 'jdbc:postgresql://127.0.0.1:1/db', 'table-name' = 't'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'tags'").hasMessageContaining("MAP<STRING, INT>");
  }
}
