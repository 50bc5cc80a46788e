package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.cli.SpateCommands.Outcome;
import io.spate.cli.rest.RestClusterClient;
import io.spate.clitest.EndlessJob;
import io.spate.clitest.ExitingJob;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions to a session JobManager process that must fail without harming it: a snapshot to start
 * from that is missing or unreadable, and a main method that calls {@code System.exit}.
 */
@Tag("fault-injection")
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a JVM starts for every command
class SessionSubmissionProcessTest {

  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

  @TempDir
  Path home;

  private Process jobManager;
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
        "-cp", System.getProperty("java.class.path"), SpateCli.class.getName(), "jobmanager", "--address-file",
        addressFile.toString())
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("jobmanager.out").toFile());
    builder.environment().put("SPATE_HOME", home.toString());
    jobManager = builder.start();
    Await.until(Duration.ofSeconds(60), "the JobManager's address file (or its exit)",
        () -> Files.exists(addressFile) || !jobManager.isAlive());
    assertThat(addressFile).as(jobManagerOutput()).exists();
    address = Files.readString(addressFile).strip();
  }

  @AfterEach
  void stopJobManager() throws Exception {
    if (jobManager != null) {
      jobManager.destroyForcibly();
      jobManager.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aMissingOrCorruptSnapshotFailsTheSubmission() throws Exception {
    Path jar = TestJars.jar(home.resolve("endless.jar"), EndlessJob.class.getName(), EndlessJob.class);

    Path missing = home.resolve("no-such-savepoint");
    Outcome run = spate("run", "-m", address, "--from-savepoint", missing.toString(), jar.toString(), "restored");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("submitted");
    assertThat(run.err()).contains("Cannot restore from " + missing, "there is no checkpoint or savepoint");

    Path empty = Files.createDirectories(home.resolve("empty-savepoint"));
    run = spate("run", "-m", address, "--from-savepoint", empty.toString(), jar.toString(), "restored");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.err()).contains("Cannot restore from " + empty, "no _metadata file");

    Path corrupt = Files.createDirectories(home.resolve("corrupt-savepoint"));
    Files.write(corrupt.resolve("_metadata"), "not the metadata of any checkpoint".getBytes(StandardCharsets.UTF_8));
    run = spate("run", "-m", address, "--from-savepoint", corrupt.toString(), jar.toString(), "restored");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.err()).contains("Cannot restore from " + corrupt, corrupt.resolve("_metadata").toString(),
        "is not Spate checkpoint metadata");

    assertThat(jobs().findValuesAsText("name")).doesNotContain("restored");
  }

  @Test
  void aMainMethodThatCallsSystemExitFailsItsSubmissionAndTheJobManagerRunsOn() throws Exception {
    Path endless = TestJars.jar(home.resolve("endless.jar"), EndlessJob.class.getName(), EndlessJob.class);
    String before = jobId(spate("run", "-m", address, "-p", "1", endless.toString(), "before-exit"));
    awaitRunning(before);

    Path exiting = TestJars.jar(home.resolve("exiting.jar"), ExitingJob.class.getName(), ExitingJob.class);
    Outcome run = spate("run", "-m", address, exiting.toString(), "system", "3");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.err()).contains("The main method of " + ExitingJob.class.getName() + " called System.exit(3)");
    assertThat(jobManager.isAlive()).as(jobManagerOutput()).isTrue();

    String after = jobId(spate("run", "-m", address, "-p", "1", endless.toString(), "after-exit"));
    awaitRunning(after);
    assertThat(state(before)).isEqualTo("RUNNING");
    assertThat(jobManager.isAlive()).as(jobManagerOutput()).isTrue();
  }

  private static String jobId(Outcome run) {
    assertThat(run.exitCode()).as(run.all()).isZero();
    Matcher job = JOB_ID.matcher(run.out());
    assertThat(job.find()).as(run.out()).isTrue();
    return job.group(1);
  }

  private void awaitRunning(String jobId) {
    Await.untilMatches(Duration.ofSeconds(60), "job " + jobId + " to be RUNNING", () -> state(jobId), "RUNNING"::equals);
  }

  /** The state of job {@code jobId} as the cluster's REST API lists it, or null if it does not. */
  private String state(String jobId) throws Exception {
    for (JsonNode job : jobs()) {
      if (job.path("jid").asText().equals(jobId)) {
        return job.path("state").asText();
      }
    }
    return null;
  }

  private JsonNode jobs() throws Exception {
    String[] hostAndPort = address.split(":");
    return new RestClusterClient(hostAndPort[0], Integer.parseInt(hostAndPort[1])).listJobs();
  }

  private String jobManagerOutput() throws IOException {
    Path out = home.resolve("jobmanager.out");
    return Files.exists(out) ? Files.readString(out) : "";
  }

  private Outcome spate(String... args) throws IOException, InterruptedException {
    return SpateCommands.run(home, 90, args);
  }
}
