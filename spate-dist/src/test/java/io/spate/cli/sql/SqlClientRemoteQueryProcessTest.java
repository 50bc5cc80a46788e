package io.spate.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.cli.SpateCli;
import io.spate.cli.rest.RestClusterClient;
import io.spate.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The SQL client's queries and scripts on a session JobManager process ({@code -m}): a query's job
 * runs on the cluster and its rows come back to the client in the tableau, changelog and table modes;
 * leaving the result (Ctrl-C, Q) cancels the job; {@code -f} runs a script's statements there.
 */
@Tag("fault-injection")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SqlClientRemoteQueryProcessTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static final String NUMBERS = """
      SET 'parallelism.default' = '1';
      CREATE TABLE numbers (n INT) WITH ('connector' = 'datagen',
        'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '3');
      """;

  @TempDir
  Path home;

  private Process jobManager;
  private RestClusterClient cluster;
  private String address;

  @BeforeEach
  void startJobManager() throws Exception {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf").resolve("spate.yaml"), """
        rest.address: 127.0.0.1
        rest.port: 0
        jobmanager.taskexecutor.slots: 4
        """);
    Path addressFile = home.resolve("address");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.spate.cli.SpateCli", "jobmanager", "--address-file",
        addressFile.toString())
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("jobmanager.out").toFile());
    builder.environment().put("SPATE_HOME", home.toString());
    jobManager = builder.start();
    Await.until(Duration.ofSeconds(60), "the JobManager's address file (or its exit)",
        () -> Files.exists(addressFile) || !jobManager.isAlive());
    assertThat(addressFile).as(() -> output()).exists();
    address = Files.readString(addressFile).strip();
    String[] parts = address.split(":");
    cluster = new RestClusterClient(parts[0], Integer.parseInt(parts[1]));
  }

  private String output() {
    try {
      return Files.readString(home.resolve("jobmanager.out"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  @AfterEach
  void stopJobManager() throws Exception {
    if (jobManager != null) {
      jobManager.destroyForcibly();
      jobManager.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private InteractiveShell shell(String type) {
    return new InteractiveShell(type, terminal -> SqlSession.remote(cluster, false, terminal));
  }

  /** The states of the cluster's jobs named {@code name}. */
  private List<String> states(String name) throws Exception {
    List<String> states = new ArrayList<>();
    for (JsonNode job : cluster.listJobs()) {
      if (job.path("name").asText().equals(name)) {
        states.add(job.path("state").asText());
      }
    }
    return states;
  }

  @Test
  void aQueryRunsOnTheClusterAndItsRowsArePrintedInTableauMode() throws Exception {
    try (InteractiveShell shell = shell(Terminal.TYPE_DUMB)) {
      shell.type(NUMBERS + "SELECT n, n * n AS sq FROM numbers WHERE n > 1;\n");
      shell.await("""
          \\+----\\+-------------\\+-------------\\+
          \\| op \\|           n \\|          sq \\|
          \\+----\\+-------------\\+-------------\\+
          \\| \\+I \\|           2 \\|           4 \\|
          \\| \\+I \\|           3 \\|           9 \\|
          \\+----\\+-------------\\+-------------\\+
          Received a total of 2 rows""", TIMEOUT);
      // The client prints the last row before the cluster has marked the job finished.
      Await.untilPasses(TIMEOUT, "the query's job to finish",
          () -> assertThat(states("collect")).as(output()).containsExactly("FINISHED"));
      shell.type("SELECT n % 2 AS k, COUNT(*) AS c FROM numbers GROUP BY n % 2;\n");
      shell.await("\\| -U \\| +1 \\| +1 \\|\n\\| \\+U \\| +1 \\| +2 \\|", TIMEOUT);
      shell.type("SELECT nope FROM numbers;\n");
      shell.await("Column 'nope' not found", TIMEOUT);
    }
  }

  @Test
  void theChangelogAndTableViewsShowARemoteResultAndCtrlCCancelsItsJob() throws Exception {
    try (InteractiveShell shell = shell("xterm")) {
      shell.type(NUMBERS + "SET 'sql-client.execution.result-mode' = 'changelog';\n"
          + "SELECT n % 2 AS k, COUNT(*) AS c FROM numbers GROUP BY n % 2;\n");
      shell.await("Changelog result \\(finished\\), rows 1-4 of 4", TIMEOUT);
      String view = shell.output();
      assertThat(view.substring(view.lastIndexOf("Changelog result")))
          .contains("op k c\n+I 1 1\n+I 0 1\n-U 1 1\n+U 1 2\n");
      shell.type("q");
      shell.type("SET 'sql-client.execution.result-mode' = 'table';\n"
          + "SELECT n % 2 AS k, COUNT(*) AS c FROM numbers GROUP BY n % 2;\n");
      shell.await("Table result \\(finished\\), rows 1-2 of 2", TIMEOUT);
      view = shell.output();
      assertThat(view.substring(view.lastIndexOf("Table result"))).contains("k c\n0 1\n1 2\n");
      shell.type("Q");
      shell.type("""
          CREATE TABLE endless (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');
          SET 'sql-client.execution.result-mode' = 'tableau';
          SELECT n FROM endless;
          """);
      shell.await("\\| \\+I \\| +-?\\d+ \\|", TIMEOUT);
      shell.type("\u0003");
      shell.await("Query terminated, received a total of \\d+ rows?", TIMEOUT);
      Await.until(TIMEOUT, "the endless query's job to be cancelled",
          () -> states("collect").contains("CANCELED"));
      assertThat(states("collect")).containsExactlyInAnyOrder("FINISHED", "FINISHED", "CANCELED");
    }
  }

  @Test
  void aScriptRunsItsStatementsOnTheClusterOneByOne() throws Exception {
    Path script = home.resolve("script.sql");
    Files.writeString(script, NUMBERS + """
        CREATE TABLE sink (n INT, square INT) WITH ('connector' = 'blackhole');
        SELECT n, n * n AS square FROM numbers WHERE n > 1;
        INSERT INTO sink SELECT n, n * n FROM numbers;
        """, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = spate(out, err, "sql", "-m", address, "-f", script.toString());
    assertThat(exitCode).as(err + "\n" + out).isZero();
    assertThat(out.toString()).contains("| +I |           2 |           4 |", "| +I |           3 |           9 |",
        "Received a total of 2 rows");
    assertThat(out.toString()).containsPattern("Job ID: [0-9a-f]{32}");
    Await.until(TIMEOUT, "the insert's job to finish", () -> states("insert-into_default_catalog.default_database.sink")
        .contains("FINISHED"));

    Path bad = home.resolve("bad.sql");
    Files.writeString(bad, NUMBERS + "SELECT nope FROM numbers;\nSHOW TABLES;\n", StandardCharsets.UTF_8);
    out = new StringWriter();
    err = new StringWriter();
    exitCode = spate(out, err, "sql", "-m", address, "-f", bad.toString());
    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).contains("The statement at line 4, column 1 failed").contains("Column 'nope' not found");
    assertThat(out.toString()).doesNotContain("table name");
  }

  private static int spate(StringWriter out, StringWriter err, String... args) {
    CommandLine commandLine = SpateCli.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
