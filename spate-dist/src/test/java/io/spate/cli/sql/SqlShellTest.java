package io.spate.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive SQL shell, driven through JLine terminals over streams (no real TTY). */
class SqlShellTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final String NUMBERS = """
      SET 'parallelism.default' = '1';
      CREATE TABLE numbers (n INT) WITH ('connector' = 'datagen',
        'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '3');
      """;

  private static final String ENDLESS = """
      CREATE TABLE endless (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');
      """;

  @TempDir
  Path dir;

  @Test
  void aStatementSpansLinesUntilItsSemicolon() {
    String out = ShellDriver.runEmbedded("""
        CREATE TABLE numbers (
          n INT
        ) WITH ('connector' = 'datagen',
          'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '3');
        SHOW TABLES; SHOW
          CURRENT CATALOG
        ;
        """);
    assertThat(out).contains("[INFO] Execute statement succeeded.");
    assertThat(out).contains("""
        +------------+
        | table name |
        +------------+
        |    numbers |
        +------------+
        1 row in set""");
    assertThat(out).contains("      default_catalog |");
  }

  @Test
  void anErrorIsPrintedWithItsPlaceAndTheShellGoesOn() {
    String out = ShellDriver.runEmbedded("""
        SELECT nope FROM nowhere;
        CREATE TABLE t (a INT) WITH ('connector' = 'blackhole');
        SHOW TABLES;
        """);
    assertThat(out).contains("[ERROR] Could not execute SQL statement. Reason:\n"
        + "SQL validation failed. From line 1, column 18 to line 1, column 24: Object 'nowhere' not found");
    assertThat(out).doesNotContain("\tat ");
    assertThat(out).contains("|          t |");
  }

  @Test
  void aQueryOnAPipeIsPrintedAsATableauRowByRowWithTheChangeKinds() {
    String out = ShellDriver.runEmbedded(NUMBERS + "SELECT n, n * n AS sq FROM numbers WHERE n > 1;\n");
    assertThat(out).contains("""
        +----+-------------+-------------+
        | op |           n |          sq |
        +----+-------------+-------------+
        | +I |           2 |           4 |
        | +I |           3 |           9 |
        +----+-------------+-------------+
        Received a total of 2 rows
        """);
  }

  @Test
  void tableauModeIsChosenBySetAndAnUnknownModeIsRefused() throws Exception {
    try (InteractiveShell shell = new InteractiveShell("xterm")) {
      shell.type(NUMBERS + """
          SET 'sql-client.execution.result-mode' = 'pretty';
          SET 'sql-client.execution.result-mode' = 'tableau';
          SELECT n FROM numbers;
          """);
      shell.await("'pretty' is not a value of 'sql-client.execution.result-mode': choose 'table',"
          + " 'changelog' or 'tableau'", TIMEOUT);
      shell.await("\\| \\+I \\|           3 \\|\n\\+-+\\+-+\\+\nReceived a total of 3 rows", TIMEOUT);
    }
  }

  @Test
  void ctrlCEndsTheDisplayOfAnEndlessQueryAndCancelsItsJob() throws Exception {
    try (InteractiveShell shell = new InteractiveShell("xterm")) {
      shell.type(ENDLESS + "SET 'sql-client.execution.result-mode' = 'tableau';\nSELECT n FROM endless;\n");
      shell.await("\\| \\+I \\| +\\d+ \\|", TIMEOUT);
      shell.type("\u0003");
      shell.await("Query terminated, received a total of \\d+ rows?", TIMEOUT);
      shell.type("SET 'sql-client.execution.result-mode' = 'changelog';\nSELECT n FROM endless;\n");
      shell.await("Changelog result \\(running\\), rows 1-", TIMEOUT);
      shell.type("\u0003");
      shell.await("Spate SQL> ", TIMEOUT); // keys typed while the view is open go to the view
      shell.type("SHOW JOBS;\n");
      shell.await("\\| +collect \\| +CANCELED \\|.*\n.*\\| +collect \\| +CANCELED \\|", TIMEOUT);
    }
  }

  @Test
  void changelogModeShowsEveryChangeWithItsKindUntilQ() throws Exception {
    try (InteractiveShell shell = new InteractiveShell("xterm")) {
      shell.type(NUMBERS + "SET 'sql-client.execution.result-mode' = 'changelog';\n"
          + "SELECT n % 2 AS k, COUNT(*) AS c FROM numbers GROUP BY n % 2;\n");
      shell.await("Changelog result \\(finished\\), rows 1-4 of 4", TIMEOUT);
      String view = shell.output();
      assertThat(view.substring(view.lastIndexOf("Changelog result")))
          .contains("op k c\n+I 1 1\n+I 0 1\n-U 1 1\n+U 1 2\n");
      shell.type("q");
      shell.type("SHOW CURRENT DATABASE;\n");
      shell.await("default_database", TIMEOUT);
    }
  }

  @Test
  void tableModeShowsTheMaterializedResult() throws Exception {
    try (InteractiveShell shell = new InteractiveShell("xterm")) {
      shell.type(NUMBERS + "SELECT n % 2 AS k, COUNT(*) AS c FROM numbers GROUP BY n % 2;\n");
      shell.await("Table result \\(finished\\), rows 1-2 of 2", TIMEOUT);
      String view = shell.output();
      assertThat(view.substring(view.lastIndexOf("Table result"))).contains("k c\n0 1\n1 2\n"); // an update goes to the end
      shell.type("Q");
      shell.type("HELP;\n");
      shell.await("The following commands are available", TIMEOUT);
    }
  }

  @Test
  void insertIsSubmittedDetachedAndShowJobsAndStopJobSeeIt() throws Exception {
    try (InteractiveShell shell = new InteractiveShell(Terminal.TYPE_DUMB)) {
      shell.type("""
          CREATE TABLE endless (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
          CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');
          INSERT INTO sink SELECT n FROM endless;
          """);
      Matcher submitted = shell.await("\\[INFO\\] SQL update statement has been successfully submitted to the"
          + " cluster:\nJob ID: ([0-9a-f]{32})", TIMEOUT);
      String jobId = submitted.group(1);
      shell.type("SHOW JOBS;\n");
      shell.await("\\| +" + jobId + " \\| +insert-into_default_catalog.default_database.sink \\| +RUNNING \\| "
          + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\|", TIMEOUT);
      shell.type("STOP JOB '" + jobId + "';\n");
      shell.await("\\[INFO\\] The specified job is stopped\\.", TIMEOUT);
      shell.type("SHOW JOBS;\n");
      shell.await(jobId + " \\| .* \\| +CANCELED \\|", TIMEOUT);
      shell.type("STOP JOB '" + jobId + "';\n");
      shell.await("has already ended", TIMEOUT);
    }
  }

  @Test
  void stopJobWithSavepointTakesOneIntoTheSessionsSavepointDirectory() throws Exception {
    Path savepoints = dir.resolve("savepoints");
    try (InteractiveShell shell = new InteractiveShell(Terminal.TYPE_DUMB)) {
      shell.type("SET 'state.savepoints.dir' = '" + savepoints.toUri() + "';\n" + """
          CREATE TABLE endless (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
          CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');
          INSERT INTO sink SELECT n FROM endless;
          """);
      String jobId = shell.await("Job ID: ([0-9a-f]{32})", TIMEOUT).group(1);
      shell.await("Spate SQL> ", TIMEOUT);
      // A savepoint needs every task running, and the job's tasks may still be deploying: a refused stop
      // ("not all tasks of the job are running") is typed again until one is taken.
      Matcher stopped = Await.untilMatches(TIMEOUT, "the job stopped with a savepoint", () -> {
        shell.type("STOP JOB '" + jobId + "' WITH SAVEPOINT WITH DRAIN;\n");
        return shell.await("\\[INFO\\] The specified job is stopped with savepoint (.+)\\.\n"
            + "|not all tasks of the job are running", TIMEOUT);
      }, answer -> answer.group(1) != null);
      assertThat(stopped.group(1)).contains("savepoints");
      assertThat(Files.list(savepoints)).isNotEmpty();
    }
  }

  @Test
  void anUnknownJobIsAnErrorNamingIt() {
    String out = ShellDriver.runEmbedded("STOP JOB 'c0ffee';\n");
    assertThat(out).contains("This session has no job c0ffee: SHOW JOBS lists its jobs");
  }

  @Test
  void helpListsTheCommandsAndQuitEndsTheShellBeforeLaterInput() {
    String out = ShellDriver.runEmbedded("help;\nQUIT;\nSHOW TABLES;\n");
    assertThat(out).contains("The following commands are available:", "STOP JOB '<id>' [WITH SAVEPOINT] [WITH DRAIN]");
    assertThat(out).endsWith("Shutting down the session...\ndone.\n");
    assertThat(out).doesNotContain("table name");
  }
}
