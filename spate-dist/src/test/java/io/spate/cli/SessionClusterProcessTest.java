package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.cli.SpateCommands.Outcome;
import io.spate.cli.rest.RestClientException;
import io.spate.cli.rest.RestClusterClient;
import io.spate.clitest.EndlessJob;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster commands as a user runs them: every command is its own JVM, the JobManager a background
 * process on 127.0.0.1, and SPATE_HOME a temporary directory that holds conf/ and log/.
 */
@Tag("fault-injection")
class SessionClusterProcessTest {

  private static final Pattern STARTED = Pattern.compile("Started the JobManager \\(pid (\\d+)\\); REST API at"
      + " http://([0-9.]+:\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

  @TempDir
  Path home;

  private Path config;


  @BeforeEach
  void writeConfig() throws IOException {
    Files.createDirectories(home.resolve("conf"));
    config = home.resolve("conf").resolve("spate.yaml");
    Files.writeString(config, """
        # test cluster
        rest.address: 127.0.0.1
        rest.port: 0   # any free port
        jobmanager.taskexecutor.slots: 3
        cluster.stop-timeout: 20 s
        """);
  }

  /** Ends the JobManager and TaskManagers of this test's pid files if a failed test left them running. */
  @AfterEach
  void stopLeftoverProcesses() throws Exception {
    // Only the processes this test's pid files name: never anything found by name.
    Path logDir = home.resolve("log");
    if (!Files.isDirectory(logDir)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.list(logDir)) {
      for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
        long pid;
        try {
          pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (NumberFormatException e) {
          continue;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
          process.get().destroyForcibly();
          process.get().onExit().get(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  // A dozen CLI runs, each its own JVM, plus a cluster's start and stop: beyond the default limit
  // of a test method on a loaded machine.
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void startStatusRunListCancelStop() throws Exception {
    Path log = Files.createDirectories(home.resolve("log"));
    Files.writeString(log.resolve("spate-jobmanager.pid"), deadPid() + "\n");

    Outcome start = spate("cluster", "start", "--taskmanagers", "2");
    assertThat(start.exitCode()).as(start.all()).isZero();
    assertThat(start.out()).contains("Removed the stale pid file");
    Matcher started = STARTED.matcher(start.out());
    assertThat(started.find()).as(start.out()).isTrue();
    long pid = Long.parseLong(started.group(1));
    String address = started.group(2);
    assertThat(Files.readString(log.resolve("spate-jobmanager.pid")).strip()).isEqualTo(String.valueOf(pid));

    assertThat(start.out()).contains("Started 2 TaskManager(s)");
    List<Long> taskManagerPids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      long tmPid = Long.parseLong(Files.readString(log.resolve("spate-taskmanager-" + i + ".pid")).strip());
      assertThat(ProcessHandle.of(tmPid).map(ProcessHandle::isAlive)).as("TaskManager %d", i).contains(true);
      taskManagerPids.add(tmPid);
    }

    Outcome status = spate("cluster", "status");
    assertThat(status.exitCode()).as(status.all()).isZero();
    assertThat(status.out()).contains("running (pid " + pid + ")").contains("http://" + address)
        .contains("TaskManagers: 2").contains("slots: 6");

    Outcome second = spate("cluster", "start");
    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.err()).contains("already running (pid " + pid + ",");
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

    Path jar = TestJars.jar(home.resolve("endless.jar"), EndlessJob.class.getName(), EndlessJob.class);
    Outcome run = spate("run", "-m", address, "-p", "1", jar.toString(), "endless-on-session");
    assertThat(run.exitCode()).as(run.all()).isZero();
    Matcher job = JOB_ID.matcher(run.out());
    assertThat(job.find()).as(run.out()).isTrue();
    String jobId = job.group(1);

    Outcome list = awaitList(address, jobId, "endless-on-session", "RUNNING");
    assertThat(list.out()).contains(jobId);
    // Without -m, with rest.port: 0 in conf/spate.yaml: the address the cluster wrote when it started.
    Outcome listWithoutAddress = spate("list");
    assertThat(listWithoutAddress.exitCode()).as(listWithoutAddress.all()).isZero();
    assertThat(listWithoutAddress.out()).contains(jobId);

    Outcome cancel = spate("cancel", "-m", address, jobId);
    assertThat(cancel.exitCode()).as(cancel.all()).isZero();
    awaitList(address, jobId, "endless-on-session", "CANCELED");

    Outcome stop = spate("cluster", "stop");
    assertThat(stop.exitCode()).as(stop.all()).isZero();
    assertThat(stop.out()).contains("Stopped the JobManager (pid " + pid + ")")
        .contains("Stopped TaskManager 0 (pid " + taskManagerPids.get(0) + ")")
        .contains("Stopped TaskManager 1 (pid " + taskManagerPids.get(1) + ")");
    for (long tmPid : taskManagerPids) {
      assertThat(ProcessHandle.of(tmPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
    assertThat(log.resolve("spate-taskmanager-0.pid")).doesNotExist();
    assertThat(Files.readString(log.resolve("spate-taskmanager-1.log"))).contains("Spate TaskManager stopped.");
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(log.resolve("spate-jobmanager.pid")).doesNotExist();
    assertThat(Files.readString(log.resolve("spate-jobmanager.log"))).contains("Spate JobManager stopped.");

    Outcome stopped = spate("cluster", "status");
    assertThat(stopped.exitCode()).isEqualTo(3);
    assertThat(stopped.out()).contains("JobManager: stopped");
  }

  @Test
  void aForegroundJobManagerExitsWithZeroOnSigterm() throws Exception {
    Path addressFile = home.resolve("address");
    Path tmp = Files.createDirectories(home.resolve("tmp"));
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), SpateCli.class.getName(),
        "jobmanager", "--address-file", addressFile.toString())
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("jobmanager.out").toFile());
    builder.environment().put("SPATE_HOME", home.toString());
    Process process = builder.start();
    try {
      Await.until(Duration.ofSeconds(60), "the JobManager's address file (or its exit)",
          () -> Files.exists(addressFile) || !process.isAlive());
      assertThat(addressFile).as(Files.readString(home.resolve("jobmanager.out"))).exists();
      try (Stream<Path> files = Files.list(tmp)) {
        assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("spate-jars-")))
            .as("the uploaded jars' directory of the running JobManager")
            .singleElement().asString().startsWith("spate-jars-" + process.pid() + "-");
      }
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(addressFile).doesNotExist();
      try (Stream<Path> files = Files.list(tmp)) {
        assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("spate-jars-")))
            .as("the uploaded jars' directories the stopped JobManager left in java.io.tmpdir").isEmpty();
      }
      assertThat(Files.readString(home.resolve("jobmanager.out"))).contains("Spate JobManager stopped.");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void stopAndStatusCleanUpAStalePidFile() throws Exception {
    Path log = Files.createDirectories(home.resolve("log"));
    long dead = deadPid();
    Files.writeString(log.resolve("spate-jobmanager.pid"), dead + "\n");
    Outcome status = spate("cluster", "status");
    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.out()).contains("stale pid file").contains("process " + dead + " is gone");
    assertThat(log.resolve("spate-jobmanager.pid")).doesNotExist();

    Files.writeString(log.resolve("spate-jobmanager.pid"), dead + "\n");
    Outcome stop = spate("cluster", "stop");
    assertThat(stop.exitCode()).isZero();
    assertThat(stop.out()).contains("removed the stale pid file");
    assertThat(log.resolve("spate-jobmanager.pid")).doesNotExist();
  }

  @Test
  void aMalformedConfigurationNamesFileLineAndKey() throws Exception {
    Files.writeString(config, "rest.address: 127.0.0.1\n# comment\nrest.port: eighty\n");
    Outcome start = spate("cluster", "start");
    assertThat(start.exitCode()).isEqualTo(1);
    assertThat(start.err()).contains(config.toString() + ", line 3").contains("'rest.port'");
    assertThat(home.resolve("log").resolve("spate-jobmanager.pid")).doesNotExist();

    Files.writeString(config, "rest.port: 0\nrest.prot: 8081\n");
    Outcome jobManager = spate("jobmanager");
    assertThat(jobManager.exitCode()).isEqualTo(1);
    assertThat(jobManager.err()).contains(config.toString() + ", line 2").contains("unknown option 'rest.prot'");

    Files.writeString(config, "rest:\n  port: 8081\n");
    Outcome nested = spate("cluster", "status");
    assertThat(nested.exitCode()).isEqualTo(1);
    assertThat(nested.err()).contains(config.toString() + ", line 1").contains("'rest'").contains("Nested YAML");
  }

  /**
   * Waits until job {@code jobId} is {@code state}, asking the REST API from this JVM (a 'spate list'
   * per poll would start a JVM each time), then runs 'spate list', which must show it so.
   */
  private Outcome awaitList(String address, String jobId, String name, String state) throws Exception {
    int colon = address.lastIndexOf(':');
    RestClusterClient client = new RestClusterClient(address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)));
    Await.until(Duration.ofSeconds(30), "job " + jobId + " to be " + state, () -> {
      try {
        for (JsonNode job : client.listJobs()) {
          if (job.path("jid").asText().equals(jobId)) {
            return job.path("state").asText().equals(state);
          }
        }
      } catch (RestClientException e) {
        // not answering: poll again
      }
      return false;
    });
    Outcome list = spate("list", "-m", address);
    assertThat(list.exitCode()).as(list.all()).isZero();
    assertThat(list.out()).contains(jobId + " : " + name + " (" + state + ")");
    return list;
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor(10, TimeUnit.SECONDS);
    return process.pid();
  }

  private Outcome spate(String... args) throws IOException, InterruptedException {
    return SpateCommands.run(home, 90, args);
  }

}
