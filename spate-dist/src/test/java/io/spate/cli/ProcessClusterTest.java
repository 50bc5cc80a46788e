package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.cli.SpateCommands.Outcome;
import io.spate.cli.rest.RestClusterClient;
import io.spate.clitest.SlowSinkJob;
import io.spate.clitest.WindowedCountsJob;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters of real processes on 127.0.0.1 running a keyed, windowed job with the exactly-once file
 * sink. A standalone cluster (a JobManager and three TaskManagers, started with 'spate cluster start')
 * loses two TaskManagers to SIGKILL while the job runs; the job restarts from its latest checkpoint on
 * the TaskManagers that remain, and its finished files hold exactly the lines of a failure-free run.
 * With ZooKeeper high availability and a standby JobManager, killing the leading JobManager the same
 * way hands the job to the standby, which resumes it from its latest checkpoint: the output again
 * equals the failure-free run's. An application cluster ('spate run-application') runs the job on TaskManager processes it starts
 * and stops them when the job's main method returns. A slow sink on one TaskManager holds an
 * unthrottled source on the other to the sink's pace, within each process's heap bound.
 */
@Tag("fault-injection")
@Timeout(value = 300, unit = TimeUnit.SECONDS) // several JVMs start and jobs run for seconds each
class ProcessClusterTest {

  private static final Pattern STARTED = Pattern.compile("REST API at http://([0-9.]+:\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
  private static final Pattern TASK_MANAGER_STARTED = Pattern.compile("Spate TaskManager (\\S+) with");
  private static final long RECORDS = 2_500;
  private static final String RATE = "500";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  Path home;

  @AfterEach
  void stopLeftoverProcesses() throws Exception {
    Path logDir = home.resolve("log");
    if (!Files.isDirectory(logDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
        Optional<ProcessHandle> process = ClusterFiles.pidIn(pidFile).flatMap(ProcessHandle::of);
        if (process.isPresent()) {
          process.get().destroyForcibly();
          process.get().onExit().get(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void killingTwoTaskManagersLeavesTheOutputOfAFailureFreeRun() throws Exception {
    writeFaultInjectionConfig("");
    String address = startCluster(Map.of(), 3);
    Path jar = windowedJobJar();

    // Parallelism 3 puts one subtask of every task on each TaskManager, so every kill hits the job.
    Path clean = home.resolve("clean");
    runToTheEnd(address, jar, "clean-run", clean);

    Path faulty = home.resolve("faulty");
    String faultyJob = run(address, jar, "faulty-run", faulty);
    Set<Integer> killed = new HashSet<>();
    for (int kill = 0; kill < 2; kill++) {
      int committedBefore = finishedFiles(faulty).size();
      Await.until(WAIT, "a checkpoint of the faulty run committed files", () -> finishedFiles(faulty).size() > committedBefore);
      int victim = taskManagerRunningTasks(address, killed);
      killed.add(victim);
      killForcibly("spate-taskmanager-" + victim + ".pid");
      int restarts = kill + 1;
      awaitOrExplain("the job restarted after kill " + restarts, () -> exceptionCount(address, faultyJob) >= restarts,
          () -> diagnosis(address, faultyJob));
    }
    awaitStatus(address, faultyJob, "FINISHED");

    List<String> expected = lines(clean);
    assertThat(expected).hasSize(expectedWindows()).doesNotHaveDuplicates();
    assertThat(lines(faulty)).containsExactlyElementsOf(expected);
    assertThat(exceptionCount(address, faultyJob)).isGreaterThanOrEqualTo(2);
    // Each kill came after a checkpoint committed files, so each restart restored a checkpoint.
    assertThat(restores(address, faultyJob)).as("restores from a checkpoint").isGreaterThanOrEqualTo(2);

    Outcome stop = spate("cluster", "stop");
    assertThat(stop.exitCode()).as(stop.all()).isZero();
  }

  @Test
  void killingTheLeadingJobManagerLeavesTheOutputOfAFailureFreeRun() throws Exception {
    // A real ZooKeeper server; a short tick so that a session can time out within seconds.
    InstanceSpec spec = new InstanceSpec(home.resolve("zookeeper").toFile(), -1, -1, -1, true, 1, 500, -1,
        Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
    try (TestingServer zooKeeper = new TestingServer(spec, true)) {
      writeFaultInjectionConfig("""
          high-availability.type: zookeeper
          high-availability.zookeeper.quorum: %s
          high-availability.storageDir: %s
          high-availability.zookeeper.client.session-timeout: 4 s
          """.formatted(zooKeeper.getConnectString(), home.resolve("ha")));
      String leader = startCluster(Map.of(), 3, "--jobmanagers", "2");
      Path jar = windowedJobJar();

      Path clean = home.resolve("clean");
      String cleanJob = runToTheEnd(leader, jar, "clean-run", clean);

      Path faulty = home.resolve("faulty");
      String faultyJob = run(leader, jar, "faulty-run", faulty);
      Await.until(WAIT, "a checkpoint of the faulty run committed files", () -> !finishedFiles(faulty).isEmpty());
      killForcibly("spate-jobmanager.pid");

      // The standby takes over once the dead leader's ZooKeeper session ended, and writes its address.
      Path addressFile = home.resolve("log").resolve("spate-jobmanager.address");
      String[] next = new String[1];
      awaitOrExplain("a standby JobManager leads", () -> {
        next[0] = ClusterFiles.read(addressFile).orElse(leader);
        return !next[0].equals(leader) && client(next[0]).isHealthy();
      }, () -> diagnosis(leader, faultyJob));
      awaitStatus(next[0], faultyJob, "FINISHED");
      // It resumed from the checkpoint that ZooKeeper recorded, claiming it, and deleted the ones the killed
      // leader wrote but never recorded: once the job finished, no complete checkpoint is left. (A task of the
      // old run may still write a state file after that, into a directory without metadata.)
      Path faultyCheckpoints = home.resolve("checkpoints").resolve(faultyJob);
      awaitOrExplain("the finished job's complete checkpoints to be deleted",
          () -> completeCheckpoints(faultyCheckpoints).isEmpty(),
          () -> "left: " + completeCheckpoints(faultyCheckpoints) + " of " + checkpointDirectories(faultyCheckpoints));

      List<String> expected = lines(clean);
      assertThat(expected).hasSize(expectedWindows()).doesNotHaveDuplicates();
      assertThat(lines(faulty)).containsExactlyElementsOf(expected);
      assertThat(restores(next[0], faultyJob)).as("restores from a checkpoint by the new leader").isPositive();
      // The finished job was forgotten, so the new leader ran only the one that was running.
      assertThat(client(next[0]).listJobs()).extracting(job -> job.path("jid").asText()).containsExactly(faultyJob);
      assertThat(client(next[0]).listTaskManagers()).hasSize(3);
      // Without -m, the CLI finds the new leader in ZooKeeper.
      Outcome list = spate("list", "--output", "json", "-D", "high-availability.type=zookeeper",
          "-D", "high-availability.zookeeper.quorum=" + zooKeeper.getConnectString());
      assertThat(list.exitCode()).as(list.all()).isZero();
      assertThat(list.out()).contains(faultyJob).doesNotContain(cleanJob);
      Outcome status = spate("cluster", "status");
      assertThat(status.exitCode()).as(status.all()).isZero();
      assertThat(status.out()).contains("JobManager: running").contains(next[0]).contains("TaskManagers: 3");

      Outcome stop = spate("cluster", "stop");
      assertThat(stop.exitCode()).as(stop.all()).isZero();
    }
  }

  @Test
  void anApplicationClusterRunsItsJobOnTaskManagerProcessesAndStopsWithIt() throws Exception {
    writeConfig("""
        rest.address: 127.0.0.1
        rest.port: 0
        jobmanager.taskexecutor.slots: 2
        """);
    Path jar = windowedJobJar();
    Path out = home.resolve("application");

    Outcome run = spate("run-application", jar.toString(), "--taskmanagers", "2", "-p", "3", "--",
        "application-run", out.toString(), "700", "100000");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.err()).contains("2 TaskManager(s)").contains("submitted to the application cluster");
    assertThat(lines(out)).hasSize(expectedWindows(700)).doesNotHaveDuplicates();
    for (int i = 0; i < 2; i++) {
      assertThat(Files.readString(home.resolve("log").resolve("spate-application-taskmanager-" + i + ".log")))
          .contains("Spate TaskManager stopped.");
    }

    // With REST authentication on, the application cluster makes a cluster secret for its TaskManagers,
    // which join with it, and deletes it when it ends.
    Path securedOut = home.resolve("application-secured");
    Outcome secured = spate("run-application", "-D", "rest.authentication.type=bearer",
        "-D", "rest.authentication.token=application-t0ken", jar.toString(), "--taskmanagers", "1", "-p", "2", "--",
        "application-secured", securedOut.toString(), "700", "100000");
    assertThat(secured.exitCode()).as(secured.all()).isZero();
    assertThat(lines(securedOut)).hasSize(expectedWindows(700)).doesNotHaveDuplicates();
    try (Stream<Path> files = Files.list(home.resolve("log"))) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".secret"));
    }

    Outcome missing = spate("run-application", home.resolve("nothing.jar").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Job jar not found");
  }

  @Test
  void aSlowSinkOnOneTaskManagerSlowsItsProducersOnTheOtherWithinTheHeapBound() throws Exception {
    writeConfig("""
        rest.address: 127.0.0.1
        rest.port: 0
        jobmanager.taskexecutor.slots: 1
        """);
    // Every process of the cluster gets a heap of at most 160 MB.
    String address = startCluster(Map.of("SPATE_JAVA_OPTS", "-Xmx160m"), 2);
    Path jar = TestJars.jar(home.resolve("slow.jar"), SlowSinkJob.class.getName(), SlowSinkJob.class,
        SlowSinkJob.SlowSink.class, SlowSinkJob.SlowWriter.class);
    String jobId = submit(address, "2", jar, "slow-sink");

    // Let it run for a while under backpressure: 5 s of job time.
    Await.until(WAIT, "the job ran 5 s", () -> {
      var current = overview(address, jobId);
      assertThat(current.path("state").asText()).as("job state; exceptions: %s", exceptionsOf(address, jobId))
          .isNotIn("FAILED", "CANCELED", "FINISHED");
      return current.path("duration").asLong() >= 5_000;
    });
    var overview = overview(address, jobId);
    assertThat(overview.path("state").asText()).isEqualTo("RUNNING");
    double seconds = overview.path("duration").asLong() / 1000.0;
    long emitted = overview.path("records-processed").asLong();
    // The two sink subtasks take at most ~1,000 records a second each; the source emits that plus what
    // the bounded channels hold. Without backpressure it would have emitted millions.
    assertThat(emitted).as("records emitted in %.1f s", seconds).isLessThan((long) (seconds * 3_000) + 100_000);
    for (var taskManager : client(address).listTaskManagers()) {
      var memory = taskManager.path("memory");
      assertThat(memory.path("heap-max").asLong()).as("heap bound of %s", taskManager.path("address").asText())
          .isLessThanOrEqualTo(170L << 20);
      assertThat(memory.path("heap-used").asLong()).isLessThanOrEqualTo(memory.path("heap-max").asLong());
    }
    for (int i = 0; i < 2; i++) {
      long pid = Long.parseLong(Files.readString(home.resolve("log").resolve("spate-taskmanager-" + i + ".pid"))
          .strip());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("TaskManager %d", i).contains(true);
    }
    client(address).cancel(jobId);
    Outcome stop = spate("cluster", "stop");
    assertThat(stop.exitCode()).as(stop.all()).isZero();
  }

  /**
   * The index of a TaskManager, not among {@code killed}, on which the job has slots. Parallelism 3 on
   * three TaskManagers usually puts a subtask of every task on each, but a TaskManager that missed its
   * heartbeats while the machine was busy may have been left out, and killing it would test nothing.
   */
  private int taskManagerRunningTasks(String address, Set<Integer> killed) throws Exception {
    Map<String, Integer> indexByAddress = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      Matcher started = TASK_MANAGER_STARTED.matcher(Files.readString(home.resolve("log")
          .resolve("spate-taskmanager-" + i + ".log")));
      if (started.find()) {
        indexByAddress.put(started.group(1), i);
      }
    }
    int[] found = {-1};
    awaitOrExplain("a TaskManager that runs subtasks of the job", () -> {
      try {
        for (var taskManager : client(address).listTaskManagers()) {
          Integer index = indexByAddress.get(taskManager.path("address").asText());
          if (index != null && !killed.contains(index)
              && taskManager.path("free-slots").asInt() < taskManager.path("slots-number").asInt()) {
            found[0] = index;
            return true;
          }
        }
      } catch (Exception e) {
        // not answering: poll again
      }
      return false;
    }, () -> "TaskManagers by address: " + indexByAddress);
    return found[0];
  }

  private static String exceptionsOf(String address, String jobId) {
    try {
      return client(address).exceptions(jobId).toString();
    } catch (Exception e) {
      return "unknown (" + e + ")";
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode overview(String address, String jobId) {
    try {
      for (var job : client(address).listJobs()) {
        if (job.path("jid").asText().equals(jobId)) {
          return job;
        }
      }
    } catch (Exception e) {
      // not answering: treated as no such job yet
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** Windows of 100 numbers (1 s of event time, 10 ms each) times 7 keys, the last one partial. */
  private static int expectedWindows() {
    return expectedWindows(RECORDS);
  }

  private static int expectedWindows(long records) {
    TreeSet<String> windows = new TreeSet<>();
    for (long x = 0; x < records; x++) {
      windows.add((x % 7) + "," + (x * 10 / 1000) * 1000);
    }
    return windows.size();
  }

  private String run(String address, Path jar, String name, Path out) throws Exception {
    return submit(address, "3", jar, name, out.toString(), String.valueOf(RECORDS), RATE);
  }

  /** Runs {@code jar} with {@code args} on the cluster at {@code address}; the job's id. */
  private String submit(String address, String parallelism, Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("run", "-m", address, "-p", parallelism, jar.toString()));
    command.addAll(List.of(args));
    Outcome run = spate(command.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.all()).isZero();
    Matcher job = JOB_ID.matcher(run.out());
    assertThat(job.find()).as(run.out()).isTrue();
    return job.group(1);
  }

  /**
   * Writes the configuration of the fault-injection tests, with {@code more} lines: heartbeats that
   * find a killed process within seconds without dropping live ones on a busy machine, and checkpoints
   * in files so that a restart resumes from them.
   */
  private void writeFaultInjectionConfig(String more) throws IOException {
    writeConfig("""
        rest.address: 127.0.0.1
        rest.port: 0
        jobmanager.taskexecutor.slots: 3
        heartbeat.interval: 200 ms
        heartbeat.timeout: 4 s
        cluster.stop-timeout: 20 s
        state.checkpoints.dir: %s
        """.formatted(home.resolve("checkpoints")) + more);
  }

  /** The {@code chk-<n>} directories under {@code jobCheckpoints}. */
  private static List<String> checkpointDirectories(Path jobCheckpoints) {
    if (!Files.isDirectory(jobCheckpoints)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(jobCheckpoints)) {
      return children.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("chk-")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The {@code chk-<n>} directories under {@code jobCheckpoints} that hold metadata: complete checkpoints. */
  private static List<String> completeCheckpoints(Path jobCheckpoints) {
    return checkpointDirectories(jobCheckpoints).stream()
        .filter(name -> Files.exists(jobCheckpoints.resolve(name).resolve("_metadata"))).toList();
  }

  /** The jar of {@link WindowedCountsJob}. */
  private Path windowedJobJar() throws IOException {
    return TestJars.jar(home.resolve("windowed.jar"), WindowedCountsJob.class.getName(), WindowedCountsJob.class,
        WindowedCountsJob.CountAndSum.class);
  }

  /** Runs the windowed job into {@code out} and waits until it finished; its id. */
  private String runToTheEnd(String address, Path jar, String name, Path out) throws Exception {
    String jobId = run(address, jar, name, out);
    awaitStatus(address, jobId, "FINISHED");
    return jobId;
  }

  /** Kills the process of the pid file {@code pidFile} under log/ with SIGKILL and waits until it is gone. */
  private void killForcibly(String pidFile) throws Exception {
    long pid = Long.parseLong(Files.readString(home.resolve("log").resolve(pidFile)).strip());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    process.destroyForcibly();
    process.onExit().get(10, TimeUnit.SECONDS);
  }

  /** Writes conf/spate.yaml under this test's Spate directory. */
  private void writeConfig(String yaml) throws IOException {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf").resolve("spate.yaml"), yaml);
  }

  /**
   * Starts a cluster of {@code taskManagers} TaskManagers, its processes given {@code environment} and
   * 'cluster start' given {@code more} arguments; its REST address.
   */
  private String startCluster(Map<String, String> environment, int taskManagers, String... more) throws Exception {
    List<String> command = new ArrayList<>(List.of("cluster", "start", "--taskmanagers", String.valueOf(taskManagers)));
    command.addAll(List.of(more));
    Outcome start = SpateCommands.run(home, 120, environment, command.toArray(new String[0]));
    assertThat(start.exitCode()).as(start.all()).isZero();
    Matcher started = STARTED.matcher(start.out());
    assertThat(started.find()).as(start.out()).isTrue();
    return started.group(1);
  }

  private static RestClusterClient client(String address) {
    int colon = address.lastIndexOf(':');
    return new RestClusterClient(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
  }

  /**
   * How many restores from a checkpoint (not a savepoint) the JobManager at {@code address} made for
   * the job ({@code counts.restored} of {@code GET /jobs/{id}/checkpoints}); 0 if its latest was none.
   */
  private static long restores(String address, String jobId) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + address + "/jobs/" + jobId + "/checkpoints"))
            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode checkpoints = new ObjectMapper().readTree(response.body());
    JsonNode restored = checkpoints.path("latest").path("restored");
    if (!restored.isObject() || restored.path("is_savepoint").asBoolean() || restored.path("id").asLong() < 1) {
      return 0;
    }
    return checkpoints.path("counts").path("restored").asLong();
  }

  private static int exceptionCount(String address, String jobId) {
    try {
      return client(address).exceptions(jobId).size();
    } catch (Exception e) {
      return 0;
    }
  }

  private void awaitStatus(String address, String jobId, String status) throws Exception {
    awaitOrExplain("job " + jobId + " is " + status, () -> {
      try {
        for (var job : client(address).listJobs()) {
          if (job.path("jid").asText().equals(jobId)) {
            return job.path("state").asText().equals(status);
          }
        }
        return false;
      } catch (Exception e) {
        return false;
      }
    }, () -> diagnosis(address, jobId));
  }

  /** Waits for {@code condition}; on timeout the failure carries {@code explanation}'s account of the cluster. */
  private static void awaitOrExplain(String what, BooleanSupplier condition, Supplier<String> explanation) {
    Await.until(WAIT, () -> what + "\n" + explanation.get(), condition::getAsBoolean);
  }

  /** The job's state, its exceptions and the end of every cluster process's log. */
  private String diagnosis(String address, String jobId) {
    StringBuilder text = new StringBuilder("job state: ").append(overview(address, jobId).path("state").asText())
        .append("\nexceptions: ").append(exceptionsOf(address, jobId));
    text.append(ClusterLogs.lastLines(home.resolve("log"), 80));
    return text.toString();
  }

  /** The finished (committed) part files: in-progress ones are hidden, named with a leading dot. */
  private static List<Path> finishedFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of(); // a part file renamed while the walk passed it: the caller polls again
    }
  }

  private static List<String> lines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path file : finishedFiles(dir)) {
      lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
    }
    lines.sort(null);
    return lines;
  }


  private Outcome spate(String... args) throws IOException, InterruptedException {
    return SpateCommands.run(home, 120, args);
  }
}
