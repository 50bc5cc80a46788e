package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.cli.SpateCommands.Outcome;
import io.spate.cli.rest.RestClusterClient;
import io.spate.clitest.WindowedCountsJob;
import io.spate.testing.Await;
import io.spate.testing.TestJars;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded chaos run: a session cluster with ZooKeeper high availability (a real ZooKeeper server,
 * two JobManager processes and three TaskManager processes) runs a keyed, windowed, checkpointed job
 * with the exactly-once file sink for about a minute and a half while a seeded schedule SIGKILLs
 * TaskManagers and the leading JobManager at random moments and starts each killed process again. The
 * committed output must equal, as a multiset of lines, the output of the job without failures
 * (computed from the job's definition), and at least one recovery must have restored a checkpoint.
 *
 * <p>The seed is printed first; {@code -Dspate.chaos.seed=N} replays the schedule of seed N (the
 * same kills, pauses and down times; the cluster's own timing still varies).
 */
@Tag("fault-injection")
@Timeout(value = 280, unit = TimeUnit.SECONDS)
class ClusterChaosTest {

  private static final long RECORDS = 8_000;
  private static final String RATE = "100";
  private static final String PARALLELISM = "3";
  private static final String RESTART_ATTEMPTS = "200";
  private static final int TASK_MANAGERS = 3;
  private static final int SLOTS_PER_TASK_MANAGER = 2;
  private static final int EVENTS = 6;
  private static final long WAIT_MILLIS = 90_000;
  private static final long POLL_MILLIS = 200;
  private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  private static final Pattern LEADS = Pattern.compile("leads; REST API at http://([0-9.]+:\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
  private static final ObjectMapper JSON = new ObjectMapper();

  // Kept after a failure: the process logs there are what explains it.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path home;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Every process this test started, killed or not: all are stopped at the end. */
  private final List<Process> started = new ArrayList<>();
  private final List<String> timeline = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private long seed;

  /** What the schedule kills. */
  enum Target { TASK_MANAGER, LEADING_JOB_MANAGER }

  /**
   * One step of the schedule: wait {@code pauseMillis}, then kill {@code target} (TaskManager {@code
   * taskManager} if it is one) and start it again after {@code downMillis}.
   */
  record Event(long pauseMillis, Target target, int taskManager, long downMillis) {}

  /** A JobManager or TaskManager of the cluster: the process now in its place, its log, and how often it started. */
  private final class Member {
    final String name;
    final List<String> arguments;
    Process process;
    Path log;
    int starts;
    boolean killedOnPurpose;

    Member(String name, List<String> arguments) {
      this.name = name;
      this.arguments = arguments;
    }

    void start() throws IOException {
      log = home.resolve("log").resolve(name + "-" + starts++ + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpateCli.class.getName()));
      command.addAll(arguments);
      ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().put("SPATE_HOME", home.toString());
      process = builder.start();
      started.add(process);
      killedOnPurpose = false;
      note("started " + name + " (pid " + process.pid() + ", log " + log.getFileName() + ")");
    }

    void kill() throws Exception {
      killedOnPurpose = true;
      process.destroyForcibly(); // SIGKILL
      process.onExit().get(20, TimeUnit.SECONDS);
      note("killed " + name + " (pid " + process.pid() + ") with SIGKILL");
    }

    String logText() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }
  }

  @AfterEach
  void stopEveryProcess() throws Exception {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    for (Process process : started) {
      process.onExit().get(20, TimeUnit.SECONDS);
    }
  }

  /** The schedule of {@code seed}: both kinds of kill, at pauses of 2 to 8 s, each down for up to 3 s. */
  static List<Event> schedule(long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      Target target = random.nextInt(3) == 0 ? Target.LEADING_JOB_MANAGER : Target.TASK_MANAGER;
      events.add(new Event(2_000 + random.nextInt(6_000), target, random.nextInt(TASK_MANAGERS),
          random.nextInt(3_000)));
    }
    for (Target target : Target.values()) {
      if (events.stream().noneMatch(event -> event.target() == target)) {
        int index = random.nextInt(EVENTS);
        Event replaced = events.get(index);
        events.set(index, new Event(replaced.pauseMillis(), target, replaced.taskManager(), replaced.downMillis()));
      }
    }
    return events;
  }

  @Test
  void killingTaskManagersAndTheLeadingJobManagerAtRandomLeavesTheOutputOfAFailureFreeRun() throws Exception {
    seed = Long.getLong("spate.chaos.seed", new SecureRandom().nextLong());
    System.out.println("ClusterChaosTest seed " + seed + " (replay its schedule with -Dspate.chaos.seed=" + seed + ")");
    List<Event> events = schedule(seed);
    note("schedule: " + events);
    Files.createDirectories(home.resolve("log"));
    // A short tick so that a dead leader's session ends within seconds.
    InstanceSpec spec = new InstanceSpec(home.resolve("zookeeper").toFile(), -1, -1, -1, true, 1, 500, -1,
        Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
    try (TestingServer zooKeeper = new TestingServer(spec, true)) {
      writeConfig(zooKeeper.getConnectString());
      Path addressFile = home.resolve("log").resolve("leader.address");
      List<String> jobManagerArguments = List.of("jobmanager", "--address-file", addressFile.toString(),
          "--rpc-address-file", home.resolve("log").resolve("leader.rpc").toString());
      Member[] jobManagers = {new Member("jobmanager-0", jobManagerArguments),
          new Member("jobmanager-1", jobManagerArguments)};
      Member[] taskManagers = new Member[TASK_MANAGERS];
      for (int i = 0; i < TASK_MANAGERS; i++) {
        taskManagers[i] = new Member("taskmanager-" + i,
            List.of("taskmanager", "--slots", String.valueOf(SLOTS_PER_TASK_MANAGER)));
      }
      List<Member> members = new ArrayList<>(List.of(jobManagers));
      members.addAll(List.of(taskManagers));
      for (Member member : members) {
        member.start();
      }
      String leader = awaitLeader(addressFile, members);
      awaitOrExplain("every TaskManager registered", () -> taskManagerCount(leader) == TASK_MANAGERS, members);

      Path jar = TestJars.jar(home.resolve("windowed.jar"), WindowedCountsJob.class.getName(),
          WindowedCountsJob.class, WindowedCountsJob.CountAndSum.class);
      Path out = home.resolve("out");
      Outcome run = SpateCommands.run(home, 120, "run", "-m", leader, "-p", PARALLELISM, jar.toString(),
          "chaos-run", out.toString(), String.valueOf(RECORDS), RATE, RESTART_ATTEMPTS);
      assertThat(run.exitCode()).as(run.all()).isZero();
      Matcher jobIdMatch = JOB_ID.matcher(run.out());
      assertThat(jobIdMatch.find()).as(run.out()).isTrue();
      String jobId = jobIdMatch.group(1);
      note("submitted job " + jobId);

      Set<String> restores = new LinkedHashSet<>();
      for (int i = 0; i < events.size() && !finished(addressFile, members, jobId, restores); i++) {
        Event event = events.get(i);
        pause(event.pauseMillis(), members, addressFile, jobId, restores);
        // Each kill hits a running job on a cluster at full strength: a leader, the job running on it,
        // every TaskManager registered, and (before the leader dies) a standby in the election.
        String current = awaitRunning(addressFile, members, jobId, restores);
        if (current == null) {
          break; // finished
        }
        awaitOrExplain("every TaskManager registered", () -> taskManagerCount(current) == TASK_MANAGERS, members);
        Member victim;
        if (event.target() == Target.TASK_MANAGER) {
          victim = taskManagers[event.taskManager()];
        } else {
          victim = leading(current, jobManagers);
          Member standby = victim == jobManagers[0] ? jobManagers[1] : jobManagers[0];
          awaitOrExplain(standby.name + " stands by", () -> standby.process.isAlive()
              && standby.logText().contains("joined the leader election"), members);
        }
        note("event " + (i + 1) + " of " + events.size() + ": " + event);
        victim.kill();
        pause(event.downMillis(), members, addressFile, jobId, restores);
        victim.start();
      }
      awaitOrExplain("job " + jobId + " finished", () -> finished(addressFile, members, jobId, restores), members);
      note("job finished; restores seen: " + restores);

      List<String> expected = expectedLines();
      assertThat(expected).doesNotHaveDuplicates();
      // Sorted lists: a line committed twice would be there twice, a lost one missing.
      assertThat(committedLines(out)).as("committed lines (seed %d, logs kept in %s)\n%s", seed, home.resolve("log"),
          String.join("\n", timeline))
          .containsExactlyElementsOf(expected);
      assertThat(restores).as("restores seen (seed %d)\n%s", seed, String.join("\n", timeline))
          .anyMatch(restore -> restore.contains("savepoint=false"));
    }
  }

  /** Writes conf/spate.yaml: ZooKeeper HA, checkpoints in files, heartbeats that find a killed process in seconds. */
  private void writeConfig(String quorum) throws IOException {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf").resolve("spate.yaml"), """
        rest.address: 127.0.0.1
        rest.port: 0
        jobmanager.taskexecutors: 0
        jobmanager.taskexecutor.slots: %d
        heartbeat.interval: 200 ms
        heartbeat.timeout: 4 s
        cluster.stop-timeout: 20 s
        state.checkpoints.dir: %s
        high-availability.type: zookeeper
        high-availability.zookeeper.quorum: %s
        high-availability.storageDir: %s
        high-availability.zookeeper.client.session-timeout: 4 s
        """.formatted(SLOTS_PER_TASK_MANAGER, home.resolve("checkpoints"), quorum, home.resolve("ha")));
  }

  /** The output of the job without failures, from its definition: one line per key and 1 s window. */
  private static List<String> expectedLines() {
    Map<String, long[]> windows = new TreeMap<>();
    for (long x = 0; x < RECORDS; x++) {
      long[] countAndSum = windows.computeIfAbsent((x % 7) + "," + (x * 10 / 1000) * 1000, k -> new long[2]);
      countAndSum[0]++;
      countAndSum[1] += x;
    }
    List<String> lines = new ArrayList<>();
    windows.forEach((window, countAndSum) -> lines.add(window + "," + countAndSum[0] + "," + countAndSum[1]));
    lines.sort(null);
    return lines;
  }

  /** The lines of the committed part files, sorted; in-progress files are hidden, named with a leading dot. */
  private static List<String> committedLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile)
            .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
          lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
      }
    }
    lines.sort(null);
    return lines;
  }

  /** The REST address of the leading JobManager once it answers. */
  private String awaitLeader(Path addressFile, List<Member> members) throws Exception {
    String[] leader = new String[1];
    awaitOrExplain("a JobManager leads", () -> {
      leader[0] = leaderOrNull(addressFile);
      return leader[0] != null;
    }, members);
    return leader[0];
  }

  private static String leaderOrNull(Path addressFile) {
    Optional<String> address = ClusterFiles.read(addressFile);
    return address.isPresent() && client(address.get()).isHealthy() ? address.get() : null;
  }

  /** The JobManager whose current process leads at {@code address}. */
  private Member leading(String address, Member[] jobManagers) {
    for (Member jobManager : jobManagers) {
      Matcher leads = LEADS.matcher(jobManager.logText());
      String last = null;
      while (leads.find()) {
        last = leads.group(1);
      }
      if (jobManager.process.isAlive() && address.equals(last)) {
        return jobManager;
      }
    }
    throw new AssertionError("no JobManager process says it leads at " + address + "\n" + diagnosis());
  }

  /**
   * Waits until the leader runs the job; null once the job finished. Restarts members that exited by
   * themselves and notes restores meanwhile.
   */
  private String awaitRunning(Path addressFile, List<Member> members, String jobId, Set<String> restores)
      throws Exception {
    String[] running = new String[1];
    boolean[] finished = new boolean[1];
    awaitOrExplain("the job runs on a leader", () -> {
      superviseQuietly(members);
      String leader = leaderOrNull(addressFile);
      if (leader == null) {
        return false;
      }
      noteRestore(leader, jobId, restores);
      String state = jobState(leader, jobId);
      finished[0] = state.equals("FINISHED");
      running[0] = state.equals("RUNNING") ? leader : null;
      return finished[0] || running[0] != null;
    }, members);
    return finished[0] ? null : running[0];
  }

  private boolean finished(Path addressFile, List<Member> members, String jobId, Set<String> restores) {
    superviseQuietly(members);
    String leader = leaderOrNull(addressFile);
    if (leader == null) {
      return false;
    }
    noteRestore(leader, jobId, restores);
    String state = jobState(leader, jobId);
    assertThat(state).as("job %s (seed %d)\n%s", jobId, seed, diagnosis()).isNotIn("FAILED", "CANCELED");
    return state.equals("FINISHED");
  }

  /** Sleeps {@code millis} in short steps, restarting members that exited by themselves and noting restores. */
  private void pause(long millis, List<Member> members, Path addressFile, String jobId, Set<String> restores)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      superviseQuietly(members);
      String leader = leaderOrNull(addressFile);
      if (leader != null) {
        noteRestore(leader, jobId, restores);
      }
      Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
    }
  }

  /**
   * Starts again, as a process supervisor would, a member whose process exited without being killed by
   * the schedule (a leader that lost its ZooKeeper session ends its own process).
   */
  private void superviseQuietly(List<Member> members) {
    for (Member member : members) {
      if (!member.process.isAlive() && !member.killedOnPurpose) {
        note(member.name + " (pid " + member.process.pid() + ") exited by itself with status "
            + member.process.exitValue() + "; starting it again");
        try {
          member.start();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }

  /** Notes the latest restore the leader reports for the job ({@code latest.restored} of its checkpoints). */
  private void noteRestore(String leader, String jobId, Set<String> restores) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://" + leader + "/jobs/" + jobId + "/checkpoints")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return;
      }
      JsonNode checkpoints = JSON.readTree(response.body());
      JsonNode restored = checkpoints.path("latest").path("restored");
      if (restored.isObject()) {
        String restore = leader + " restored checkpoint " + restored.path("id").asLong() + " savepoint="
            + restored.path("is_savepoint").asBoolean() + " (restore " + checkpoints.path("counts").path("restored")
            .asLong() + " of that JobManager)";
        if (restores.add(restore)) {
          note(restore);
        }
      }
    } catch (IOException e) {
      // the leader went away: the next poll asks the next one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String jobState(String leader, String jobId) {
    try {
      for (JsonNode job : client(leader).listJobs()) {
        if (job.path("jid").asText().equals(jobId)) {
          return job.path("state").asText();
        }
      }
    } catch (Exception e) {
      // not answering: unknown
    }
    return "UNKNOWN";
  }

  private static int taskManagerCount(String leader) {
    try {
      return client(leader).listTaskManagers().size();
    } catch (Exception e) {
      return -1;
    }
  }

  private static RestClusterClient client(String address) {
    int colon = address.lastIndexOf(':');
    return new RestClusterClient(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
  }

  /** Waits for {@code condition}, restarting members that exited by themselves between polls. */
  private void awaitOrExplain(String what, BooleanSupplier condition, List<Member> members) {
    Await.until(Duration.ofMillis(WAIT_MILLIS), () -> what + " (seed " + seed + ")\n" + diagnosis(), () -> {
      if (condition.getAsBoolean()) {
        return true;
      }
      superviseQuietly(members);
      return false;
    });
  }

  private void note(String event) {
    String line = String.format("[chaos %6.1f s] %s", (System.nanoTime() - startNanos) / 1e9, event);
    timeline.add(line);
    System.out.println(line);
  }

  /** The seed, what happened so far and the end of every process's log. */
  private String diagnosis() {
    StringBuilder text = new StringBuilder("seed ").append(seed).append('\n').append(String.join("\n", timeline));
    text.append(ClusterLogs.lastLines(home.resolve("log"), 40));
    return text.toString();
  }
}
