package io.spate.cli;

import static io.spate.cli.SpateCliTest.spate;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.cli.SpateCliTest.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spate sql -f}: a script's statements run on an embedded cluster, their results printed. */
class SqlCommandTest {

  @TempDir
  Path dir;

  @Test
  void aScriptsQueriesPrintTablesAndItsInsertsRunAsJobs() throws Exception {
    Path script = dir.resolve("script.sql");
    Files.writeString(script, """
        -- a script as Flink's SQL client runs it
        SET 'parallelism.default' = '1';
        CREATE TABLE numbers (n INT) WITH (
          'connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '4'
        );
        CREATE TABLE sink (n INT, square INT) WITH ('connector' = 'blackhole');
        SELECT n, n * n AS square FROM numbers WHERE n > 1;
        INSERT INTO sink SELECT n, n * n FROM numbers;
        """, StandardCharsets.UTF_8);
    Result result = spate("sql", "-f", script.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("""
        +----+---+--------+
        | op | n | square |
        +----+---+--------+
        | +I | 2 |      4 |
        | +I | 3 |      9 |
        | +I | 4 |     16 |
        +----+---+--------+
        3 rows in set""");
    assertThat(result.out()).containsPattern("\\[INFO\\] Started job [0-9a-f]{32} for the statement at line 8, column 1");
    assertThat(result.out().lines().filter(line -> line.equals("[INFO] OK")).count()).isEqualTo(3);
  }

  @Test
  void aFailingStatementStopsTheScriptNamingItsPlace() throws Exception {
    Path script = dir.resolve("bad.sql");
    Files.writeString(script, "SET 'parallelism.default' = '1';\nSELECT nope FROM nowhere;\nSHOW TABLES;\n",
        StandardCharsets.UTF_8);
    Result result = spate("sql", "-f", script.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("line 2, column 1").contains("nowhere");
    assertThat(result.out()).doesNotContain("table name");
  }

  @Test
  void aMissingScriptIsAUsageError() {
    Result result = spate("sql", "-f", dir.resolve("missing.sql").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("missing.sql does not exist");
  }

  @Test
  void anInitScriptRunsBeforeTheScript() throws Exception {
    Path init = dir.resolve("init.sql");
    Files.writeString(init, """
        SET 'parallelism.default' = '1';
        CREATE TABLE numbers (n INT) WITH (
          'connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '2'
        );
        """, StandardCharsets.UTF_8);
    Path script = dir.resolve("script.sql");
    Files.writeString(script, "SELECT n FROM numbers;\n", StandardCharsets.UTF_8);
    Result result = spate("sql", "-i", init.toString(), "-f", script.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("| +I | 1 |", "| +I | 2 |", "2 rows in set");
  }

  @Test
  void aMissingInitScriptIsAUsageError() {
    Result result = spate("sql", "-i", dir.resolve("missing-init.sql").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("missing-init.sql does not exist");
  }

  @Test
  void aTokenWithoutAClusterIsAUsageError() {
    Result result = spate("sql", "--token", "secret");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--token only applies with -m <host:port>.");
  }

  @Test
  void aScriptOnAClusterThatIsNotThereFailsAtItsFirstQueryNamingTheAddress() throws Exception {
    Path script = dir.resolve("script.sql");
    Files.writeString(script, "SET 'parallelism.default' = '1';\nSELECT 1 AS x;\nSHOW TABLES;\n",
        StandardCharsets.UTF_8);
    Result result = spate("sql", "-m", "localhost:1", "-f", script.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("The statement at line 2, column 1 failed: Cannot reach the session cluster at"
        + " localhost:1").doesNotContain("\tat ");
    assertThat(result.out()).containsOnlyOnce("[INFO] Execute statement succeeded.");
  }

  @Test
  void aScriptWithASyntaxErrorOnAClusterRunsNothing() throws Exception {
    Path script = dir.resolve("script.sql");
    Files.writeString(script, "SHOW TABLES;\nSELEC 1;\n", StandardCharsets.UTF_8);
    Result result = spate("sql", "-m", "localhost:1", "-f", script.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("SELEC");
    assertThat(result.out()).doesNotContain("[INFO]");
  }

  @Test
  void anUnknownOptionIsAUsageErrorNamingIt() {
    Result result = spate("sql", "--jobmanger", "localhost:8081");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--jobmanger");
  }
}
