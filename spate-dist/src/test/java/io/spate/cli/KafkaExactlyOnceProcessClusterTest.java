package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.cli.SpateCommands.Outcome;
import io.spate.cli.rest.RestClusterClient;
import io.spate.clitest.KafkaSequencedKeysJob;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.testing.Await;
import java.io.File;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyed stateful job from Kafka to a {@code KafkaSink} runs on a cluster of real processes (a
 * JobManager and three TaskManagers, 'spate cluster start') whose class path has no Kafka at all: the
 * job jar carries the connector and {@code kafka-clients}, as a user's shaded jar does. The job fails
 * five times: four times by throwing at chosen records, once because a TaskManager running its tasks
 * is killed with SIGKILL. With EXACTLY_ONCE a {@code read_committed} consumer sees, key by key and in
 * order, exactly the records the input gives (computed from the input here, not by the job's code),
 * and every restart restored a checkpoint; with AT_LEAST_ONCE it sees all of them too, some twice.
 */
@Tag("fault-injection")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class KafkaExactlyOnceProcessClusterTest {

  private static final Pattern STARTED = Pattern.compile("REST API at http://([0-9.]+:\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
  private static final Pattern TASK_MANAGER_STARTED = Pattern.compile("Spate TaskManager (\\S+) with");
  private static final int TASK_MANAGERS = 3;
  private static final int PARTITIONS = 3;
  private static final int RECORDS = 8_000;
  private static final int CHUNK = 30;
  private static final List<Long> FAILURE_POINTS = List.of(1_000L, 2_000L, 3_000L, 4_000L);
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  static Path home;

  private static KafkaTestBroker broker;
  private static String address;
  private static final Set<Integer> killed = new HashSet<>();

  @BeforeAll
  static void startBrokerAndCluster() throws Exception {
    broker = KafkaTestBroker.start();
    Files.createDirectories(home.resolve("conf"));
    // Heartbeats that find a killed TaskManager within seconds; checkpoints in files for the restores.
    Files.writeString(home.resolve("conf").resolve("spate.yaml"), """
        rest.address: 127.0.0.1
        rest.port: 0
        jobmanager.taskexecutor.slots: 3
        heartbeat.interval: 200 ms
        heartbeat.timeout: 4 s
        cluster.stop-timeout: 20 s
        state.checkpoints.dir: %s
        """.formatted(home.resolve("checkpoints")));
    Outcome start = spate("cluster", "start", "--taskmanagers", String.valueOf(TASK_MANAGERS));
    assertThat(start.exitCode()).as(start.all()).isZero();
    Matcher started = STARTED.matcher(start.out());
    assertThat(started.find()).as(start.out()).isTrue();
    address = started.group(1);
  }

  @AfterAll
  static void stopClusterAndBroker() throws Exception {
    try {
      if (address != null) {
        spate("cluster", "stop");
      }
      try (Stream<Path> files = Files.list(home.resolve("log"))) {
        for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
          Optional<ProcessHandle> process = ClusterFiles.pidIn(pidFile).flatMap(ProcessHandle::of);
          if (process.isPresent()) {
            process.get().destroyForcibly();
            process.get().onExit().get(10, TimeUnit.SECONDS);
          }
        }
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  @Test
  void exactlyOnceWritesEveryRecordOnceInKeyOrderDespiteFailuresAndAKilledTaskManager() throws Exception {
    String output = runWithFailures("eo", "EXACTLY_ONCE");

    Map<String, List<String>> committed = byKey(broker.readAllCommitted(output));
    Map<String, List<String>> expected = expectedOutput();
    assertThat(committed.keySet()).isEqualTo(expected.keySet());
    for (Map.Entry<String, List<String>> key : expected.entrySet()) {
      assertThat(committed.get(key.getKey())).as("the records of key %s, in order", key.getKey())
          .containsExactlyElementsOf(key.getValue());
    }
  }

  @Test
  void atLeastOnceLosesNothingButRepeatsRecordsAfterTheFailures() throws Exception {
    String output = runWithFailures("alo", "AT_LEAST_ONCE");

    Map<String, List<String>> written = byKey(broker.readAll(output, "read_committed"));
    Map<String, List<String>> expected = expectedOutput();
    for (Map.Entry<String, List<String>> key : expected.entrySet()) {
      assertThat(new HashSet<>(written.getOrDefault(key.getKey(), List.of()))).as("the records of key %s", key.getKey())
          .isEqualTo(new HashSet<>(key.getValue()));
    }
    long writtenCount = written.values().stream().mapToLong(List::size).sum();
    assertThat(writtenCount).as("records written, with repeats").isGreaterThan(RECORDS);
  }

  /**
   * Runs the job with {@code guarantee} from topic {@code <run>-in}, written while the job runs, to
   * {@code <run>-out}: four failures thrown at records and one TaskManager killed. Checks that each
   * failure happened and that every restart restored a checkpoint; returns the output topic.
   */
  private static String runWithFailures(String run, String guarantee) throws Exception {
    String input = run + "-in";
    String output = run + "-out";
    broker.createTopic(input, PARTITIONS);
    broker.createTopic(output, PARTITIONS);
    Path markers = Files.createDirectories(home.resolve("markers-" + run));
    AtomicInteger written = new AtomicInteger();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer = KafkaTestBroker.sequenceWriter(broker.bootstrapServers(), input, RECORDS, CHUNK,
        KafkaExactlyOnceProcessClusterTest::partition, written, writerFailure);

    String ends = Arrays.stream(endOffsets()).mapToObj(Long::toString).collect(Collectors.joining(","));
    String points = FAILURE_POINTS.stream().map(String::valueOf).collect(Collectors.joining(","));
    Outcome submitted = spate("run", "-m", address, "-p", String.valueOf(PARTITIONS), jobJar().toString(),
        run, broker.bootstrapServers(), input, ends, output, guarantee, run + "-job", markers.toString(), points);
    assertThat(submitted.exitCode()).as(submitted.all()).isZero();
    Matcher job = JOB_ID.matcher(submitted.out());
    assertThat(job.find()).as(submitted.out()).isTrue();
    String jobId = job.group(1);
    // Only once the job runs and checkpoints: deploying takes seconds, and the failures need the job
    // to be running while most of the input is written.
    awaitOrExplain("a completed checkpoint", jobId, () -> {
      for (JsonNode checkpoint : checkpoints(jobId).path("history")) {
        if (checkpoint.path("status").asText().equals("COMPLETED")) {
          return true;
        }
      }
      return false;
    });
    writer.start();

    // The TaskManager dies once the thrown failures are over (a point fires only after a checkpoint of
    // its attempt, which the catch-up after a restart might outrun), once the job runs again after the
    // last of them (killed during that restart, its loss would count as part of it), and while the
    // input is still written.
    awaitOrExplain("the injected failures, committed output and a checkpoint since the last failure", jobId, () -> {
      assertThat(state(jobId)).as("the job's state; %s", diagnosis(jobId)).isNotIn("FINISHED", "FAILED", "CANCELED");
      return markers(markers).size() == FAILURE_POINTS.size() && !broker.readAll(output, "read_committed").isEmpty()
          && checkpointedSinceLastFailure(jobId);
    });
    int failuresBefore = exceptionCount(jobId);
    int victim = taskManagerRunningTasks(jobId);
    killed.add(victim);
    killForcibly("spate-taskmanager-" + victim + ".pid");
    awaitOrExplain("the job restarted after the TaskManager was killed", jobId,
        () -> exceptionCount(jobId) > failuresBefore);
    awaitOrExplain("the job finished", jobId, () -> "FINISHED".equals(state(jobId)));
    writer.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(writerFailure.get()).as("the input writer's failure").isNull();
    assertThat(written.get()).isEqualTo(RECORDS);

    Map<Long, Long> fired = markers(markers);
    assertThat(fired.keySet()).as("failure points that fired").containsExactlyInAnyOrderElementsOf(FAILURE_POINTS);
    assertThat(exceptionCount(jobId)).as("failures of the job").isGreaterThanOrEqualTo(FAILURE_POINTS.size() + 1);
    // Every failure came after a checkpoint completed in its attempt; a restart from scratch would leave
    // no restored checkpoint, or one older than those the failing subtasks had heard of.
    JsonNode checkpoints = checkpoints(jobId);
    JsonNode restored = checkpoints.path("latest").path("restored");
    assertThat(restored.path("is_savepoint").asBoolean()).as("restored a savepoint: %s", checkpoints).isFalse();
    assertThat(checkpoints.path("counts").path("restored").asLong()).as("restores from a checkpoint: %s", checkpoints)
        .isGreaterThanOrEqualTo(FAILURE_POINTS.size() + 1);
    assertThat(restored.path("id").asLong()).as("the latest restored checkpoint: %s", checkpoints)
        .isGreaterThanOrEqualTo(fired.values().stream().mapToLong(Long::longValue).max().orElseThrow());
    return output;
  }

  /** The failure points that fired, each with the latest checkpoint its subtask had heard of when it threw. */
  private static Map<Long, Long> markers(Path dir) throws IOException {
    Map<Long, Long> fired = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String content = Files.readString(file).strip();
        if (!content.isEmpty()) { // a marker is created before its checkpoint id is written into it
          fired.put(Long.parseLong(file.getFileName().toString().substring("point-".length())), Long.parseLong(content));
        }
      }
    }
    return fired;
  }

  /** The partition of number {@code value}: that of its key, so that each key's numbers keep their order. */
  private static int partition(long value) {
    return (int) (value % KafkaSequencedKeysJob.KEYS % PARTITIONS);
  }

  private static long[] endOffsets() {
    long[] ends = new long[PARTITIONS];
    for (long value = 0; value < RECORDS; value++) {
      ends[partition(value)]++;
    }
    return ends;
  }

  /** What the job must write: for each key k, "k,n,v" for its n-th number v, in the order of the numbers. */
  private static Map<String, List<String>> expectedOutput() {
    Map<String, List<String>> byKey = new TreeMap<>();
    for (long value = 0; value < RECORDS; value++) {
      List<String> records = byKey.computeIfAbsent(Long.toString(value % 7), k -> new ArrayList<>());
      records.add(value % 7 + "," + (records.size() + 1) + "," + value);
    }
    return byKey;
  }

  /** Each key's records as read, in the order of its partition. */
  private static Map<String, List<String>> byKey(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, List<String>> byKey = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byKey.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(new String(record.value(), StandardCharsets.UTF_8));
    }
    return byKey;
  }


  /**
   * The job jar, shaded as a user builds one: the job's classes, the Kafka connector's and
   * {@code kafka-clients}' (taken from the test class path); Spate's own modules come from the cluster.
   */
  private static Path jobJar() throws IOException {
    Path jar = home.resolve("kafka-job.jar");
    if (!Files.exists(jar)) {
      List<Path> libraries = classPath().stream().filter(KafkaExactlyOnceProcessClusterTest::isKafkaLibrary).toList();
      assertThat(libraries).as("the Kafka connector and client on the test class path").hasSize(2);
      ShadedJobJar.write(jar, KafkaSequencedKeysJob.class, libraries);
    }
    return jar;
  }

  private static boolean isKafkaLibrary(Path entry) {
    String path = entry.toString().replace(File.separatorChar, '/');
    return path.matches(".*/kafka-clients-[^/]*\\.jar") && !path.endsWith("-test.jar")
        || path.endsWith("spate-connector-kafka/target/classes")
        || path.matches(".*/spate-connector-kafka-[0-9][^/]*(?<!-tests)\\.jar");
  }

  private static List<Path> classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
  }

  /** The test's class path without any Kafka library: that of the CLI and of the cluster it starts. */
  private static String classPathWithoutKafka() {
    return classPath().stream().map(Path::toString)
        .filter(entry -> !entry.replace(File.separatorChar, '/').contains("/org/apache/kafka/"))
        .filter(entry -> !entry.contains("spate-connector-kafka"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The index of a live TaskManager on which the job has slots, chosen the way ProcessClusterTest chooses. */
  private static int taskManagerRunningTasks(String jobId) throws Exception {
    Map<String, Integer> indexByAddress = new HashMap<>();
    for (int i = 0; i < TASK_MANAGERS; i++) {
      Matcher started = TASK_MANAGER_STARTED.matcher(Files.readString(home.resolve("log")
          .resolve("spate-taskmanager-" + i + ".log")));
      if (started.find()) {
        indexByAddress.put(started.group(1), i);
      }
    }
    int[] found = {-1};
    awaitOrExplain("a live TaskManager running subtasks of the job (by address " + indexByAddress + ")", jobId, () -> {
      for (JsonNode taskManager : client().listTaskManagers()) {
        Integer index = indexByAddress.get(taskManager.path("address").asText());
        if (index != null && !killed.contains(index)
            && taskManager.path("free-slots").asInt() < taskManager.path("slots-number").asInt()) {
          found[0] = index;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private static void killForcibly(String pidFile) throws Exception {
    long pid = Long.parseLong(Files.readString(home.resolve("log").resolve(pidFile)).strip());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    process.destroyForcibly();
    process.onExit().get(10, TimeUnit.SECONDS);
  }

  private static RestClusterClient client() {
    int colon = address.lastIndexOf(':');
    return new RestClusterClient(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
  }

  /** {@code GET /jobs/{id}/checkpoints}: the counts and the latest restored checkpoint. */
  private static JsonNode checkpoints(String jobId) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + address + "/jobs/" + jobId + "/checkpoints"))
            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  /** Whether a checkpoint completed after the job's latest failure: it runs again after its last restart. */
  private static boolean checkpointedSinceLastFailure(String jobId) throws Exception {
    long lastFailure = 0;
    for (JsonNode exception : client().exceptions(jobId)) {
      lastFailure = Math.max(lastFailure, exception.path("timestamp").asLong());
    }
    for (JsonNode checkpoint : checkpoints(jobId).path("history")) {
      if (checkpoint.path("status").asText().equals("COMPLETED")
          && checkpoint.path("triggerTimestamp").asLong() > lastFailure) {
        return true;
      }
    }
    return false;
  }

  private static int exceptionCount(String jobId) {
    try {
      return client().exceptions(jobId).size();
    } catch (Exception e) {
      return 0;
    }
  }

  private static String state(String jobId) {
    try {
      for (JsonNode job : client().listJobs()) {
        if (job.path("jid").asText().equals(jobId)) {
          return job.path("state").asText();
        }
      }
    } catch (Exception e) {
      // not answering: poll again
    }
    return "UNKNOWN";
  }

  /** Waits for {@code condition}; on timeout the failure tells the job's state, exceptions and the processes' logs. */
  private static void awaitOrExplain(String what, String jobId, Await.Condition condition) {
    Await.until(WAIT, () -> what + "\n" + diagnosis(jobId), condition);
  }

  private static String diagnosis(String jobId) {
    StringBuilder text = new StringBuilder("job state: ").append(state(jobId)).append("\ncheckpoints: ");
    try {
      text.append(checkpoints(jobId));
    } catch (Exception | AssertionError e) {
      text.append("unknown (").append(e).append(')');
    }
    text.append("\nexceptions: ");
    try {
      text.append(client().exceptions(jobId));
    } catch (Exception e) {
      text.append("unknown (").append(e).append(')');
    }
    text.append(ClusterLogs.lastLines(home.resolve("log"), 60));
    return text.toString();
  }

  private static Outcome spate(String... args) throws IOException, InterruptedException {
    return SpateCommands.runWithClassPath(home, 120, Map.of(), classPathWithoutKafka(), args);
  }
}
