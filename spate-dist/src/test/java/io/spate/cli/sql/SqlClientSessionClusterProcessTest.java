package io.spate.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.cli.rest.RestClusterClient;
import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL client with {@code -m}: its inserts run as jobs of a session JobManager process, which
 * {@code SHOW JOBS} lists and {@code STOP JOB} stops through the cluster's REST API.
 */
@Tag("fault-injection")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SqlClientSessionClusterProcessTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir
  Path home;

  private Process jobManager;
  private RestClusterClient cluster;

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
    String[] address = Files.readString(addressFile).strip().split(":");
    cluster = new RestClusterClient(address[0], Integer.parseInt(address[1]));
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

  @Test
  void anInsertRunsOnTheSessionClusterWhereShowJobsAndStopJobSeeIt() throws Exception {
    try (InteractiveShell shell = new InteractiveShell(Terminal.TYPE_DUMB,
        terminal -> SqlSession.remote(cluster, false, terminal))) {
      shell.type("""
          SET 'parallelism.default' = '1';
          CREATE TABLE endless (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10');
          CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');
          INSERT INTO sink SELECT n FROM endless;
          """);
      String jobId = shell.await("Job ID: ([0-9a-f]{32})", TIMEOUT).group(1);
      assertThat(cluster.jobDetails(jobId).path("name").asText()).as(output()).startsWith("insert-into");
      shell.type("SHOW JOBS;\n");
      shell.await("\\| +" + jobId + " \\| +insert-into\\S* \\| +(CREATED|RUNNING) \\|", TIMEOUT);
      shell.type("INSERT INTO sink SELECT nope FROM endless;\n");
      shell.await("Column 'nope' not found", TIMEOUT);
      shell.type("STOP JOB '" + jobId + "';\n");
      shell.await("\\[INFO\\] The specified job is stopped\\.", TIMEOUT);
      Await.until(TIMEOUT, "the job to be cancelled",
          () -> cluster.jobDetails(jobId).path("state").asText().equals("CANCELED"));
    }
  }
}
