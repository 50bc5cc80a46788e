package io.spate.table.connectors.filesystem;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong options of a filesystem table and its format fail when a query first uses the table, naming
 * the table, the option and (for a misspelling) the nearest known one.
 */
class FileSystemOptionsTest {

  @TempDir
  Path directory;

  private TableEnvironment tEnv;

  @BeforeEach
  void session() throws Exception {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    Files.writeString(directory.resolve("data.csv"), "1\n");
  }

  private void createTable(String options) {
    tEnv.executeSql("DROP TABLE IF EXISTS t");
    tEnv.executeSql("CREATE TABLE t (n INT, tags MAP<STRING, INT>) WITH ('connector' = 'filesystem', " + options + ")");
  }

  private void createIntTable(String options) {
    tEnv.executeSql("DROP TABLE IF EXISTS t");
    tEnv.executeSql("CREATE TABLE t (n INT) WITH ('connector' = 'filesystem', " + options + ")");
  }

  private String path() {
    return "'path' = '" + directory + "'";
  }

  @Test
  void aMisspelledFormatOptionNamesTheNearestOne() {
    createIntTable(path() + ", 'format' = 'csv', 'csv.field-delimeter' = ';'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("default_catalog.default_database.t")
        .hasMessageContaining("'csv.field-delimeter' (did you mean 'csv.field-delimiter'?)");
  }

  @Test
  void aMisspelledConnectorOptionNamesTheNearestOne() {
    createIntTable(path() + ", 'format' = 'csv', 'sink.rolling-policy.file-sise' = '1mb'");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t VALUES (1)")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("(did you mean 'sink.rolling-policy.file-size'?)");
  }

  @Test
  void aFormatOptionWithoutItsPrefixNamesThePrefixedOne() {
    createIntTable(path() + ", 'format' = 'csv', 'field-delimiter' = ';'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'field-delimiter' (did you mean 'csv.field-delimiter'?)");
  }

  @Test
  void anOptionOfAnotherFormatIsUnknown() {
    createIntTable(path() + ", 'format' = 'csv', 'json.ignore-parse-errors' = 'true'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'json.ignore-parse-errors'");
  }

  @Test
  void anUnknownFormatNamesTheNearestOne() {
    createIntTable(path() + ", 'format' = 'jsn'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("no format 'jsn'").hasMessageContaining("did you mean 'json'?");
  }

  @Test
  void aMissingFormatOrPathIsNamed() {
    createIntTable(path());
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("format");
    createIntTable("'format' = 'csv'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("path");
  }

  @Test
  void aPathThatDoesNotExistIsNamed() {
    createIntTable("'path' = '" + directory.resolve("nothing") + "', 'format' = 'csv'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("nothing").hasMessageContaining("does not exist");
  }

  @Test
  void badValuesAreNamedWithTheirOption() {
    createIntTable(path() + ", 'format' = 'csv', 'csv.field-delimiter' = ';;'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).hasMessageContaining("'csv.field-delimiter' = ';;'")
        .hasMessageContaining("single character");
    createIntTable(path() + ", 'format' = 'csv', 'csv.ignore-parse-errors' = 'maybe'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).hasMessageContaining("'csv.ignore-parse-errors'")
        .hasMessageContaining("maybe");
    createIntTable(path() + ", 'format' = 'csv', 'csv.disable-quote-character' = 'true',"
        + " 'csv.quote-character' = ''''");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).hasMessageContaining("'csv.quote-character'")
        .hasMessageContaining("'csv.disable-quote-character'");
    createIntTable(path() + ", 'format' = 'json', 'json.timestamp-format.standard' = 'ISO'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).hasMessageContaining("'ISO'")
        .hasMessageContaining("'SQL', 'ISO-8601'");
    createIntTable(path() + ", 'format' = 'json', 'json.fail-on-missing-field' = 'true',"
        + " 'json.ignore-parse-errors' = 'true'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).hasMessageContaining("cannot both be true");
    createIntTable(path() + ", 'format' = 'csv', 'source.monitor-interval' = 'often'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).hasMessageContaining("'source.monitor-interval'")
        .hasMessageContaining("often");
    createIntTable(path() + ", 'format' = 'csv', 'sink.rolling-policy.check-interval' = '0 s'");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO t VALUES (1)"))
        .hasMessageContaining("'sink.rolling-policy.check-interval' must be at least 1 ms");
  }

  @Test
  void aMapColumnInCsvIsRejectedNamingTheColumn() {
    createTable(path() + ", 'format' = 'csv'");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'tags'").hasMessageContaining("json");
  }

  @Test
  void aPartitionColumnOfAnArrayTypeIsRejected() {
    tEnv.executeSql("CREATE TABLE p (n INT, a ARRAY<INT>) PARTITIONED BY (a) WITH ('connector' = 'filesystem', "
        + path() + ", 'format' = 'json')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM p")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("partitioned by 'a'");
  }
}
