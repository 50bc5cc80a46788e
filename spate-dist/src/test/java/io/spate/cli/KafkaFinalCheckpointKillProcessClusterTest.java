package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.cli.SpateCommands.Outcome;
import io.spate.cli.rest.RestClusterClient;
import io.spate.clitest.KafkaFinalCheckpointJob;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded job from Kafka to an EXACTLY_ONCE {@code KafkaSink} runs on a cluster of real processes
 * (a JobManager and two TaskManagers) with final checkpoints on; a TaskManager is killed with SIGKILL
 * after the data of one of its subtasks ended, while that subtask's final checkpoint is held and its
 * last transaction is open. The job recovers from a checkpoint and finishes; a {@code read_committed}
 * consumer then sees every input record exactly once, no transaction of the job is left open, and the
 * last stable offset of every output partition reached its end (so no lingering transaction blocks
 * {@code read_committed} consumers).
 */
@Tag("fault-injection")
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class KafkaFinalCheckpointKillProcessClusterTest {

  private static final Pattern STARTED = Pattern.compile("REST API at http://([0-9.]+:\\d+)");
  private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
  private static final int TASK_MANAGERS = 2;
  private static final int PARTITIONS = 3;
  private static final int RECORDS = 3_000;
  private static final int CHUNK = 100;
  private static final Duration WAIT = Duration.ofSeconds(150);

  @TempDir
  static Path home;

  private static KafkaTestBroker broker;
  private static String address;

  @BeforeAll
  static void startBrokerAndCluster() throws Exception {
    broker = KafkaTestBroker.start();
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf").resolve("spate.yaml"), """
        rest.address: 127.0.0.1
        rest.port: 0
        jobmanager.taskexecutor.slots: 3
        heartbeat.interval: 200 ms
        heartbeat.timeout: 4 s
        cluster.stop-timeout: 20 s
        cluster.start-timeout: 120 s
        rpc.ask-timeout: 60 s
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
  void aTaskManagerKilledWhileTheFinalTransactionsAreOpenLosesAndRepeatsNothing() throws Exception {
    String input = "final-kill-in";
    String output = "final-kill-out";
    String prefix = "final-kill-job";
    broker.createTopic(input, PARTITIONS);
    broker.createTopic(output, PARTITIONS);
    Path markers = Files.createDirectories(home.resolve("markers"));
    AtomicInteger written = new AtomicInteger();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer = KafkaTestBroker.sequenceWriter(broker.bootstrapServers(), input, RECORDS, CHUNK,
        value -> (int) (value % PARTITIONS), written, writerFailure);

    Outcome submitted = spate("run", "-m", address, "-p", String.valueOf(PARTITIONS), jobJar().toString(),
        "kafka-final-kill", broker.bootstrapServers(), input, String.valueOf(RECORDS), String.valueOf(PARTITIONS),
        output, prefix, markers.toString());
    assertThat(submitted.exitCode()).as(submitted.all()).isZero();
    Matcher job = JOB_ID.matcher(submitted.out());
    assertThat(job.find()).as(submitted.out()).isTrue();
    String jobId = job.group(1);
    // The input is written only once the job runs and checkpointed, so that a checkpoint completes
    // before the data ends and the restart has one to restore.
    awaitOrExplain("a completed checkpoint", jobId, () -> completedCheckpoints(jobId) > 0);
    writer.start();

    awaitOrExplain("a subtask holding its checkpoint after the end of its data", jobId, () -> {
      assertThat(state(jobId)).as("the job's state").isNotIn("FINISHED", "FAILED", "CANCELED");
      return !held(markers).isEmpty();
    });
    assertThat(broker.readAll(output, "read_committed")).as("records committed while a final transaction is open")
        .hasSizeLessThan(RECORDS);
    long victim = held(markers).values().iterator().next();
    int failuresBefore = exceptionCount(jobId);
    ProcessHandle process = ProcessHandle.of(victim).orElseThrow();
    process.destroyForcibly(); // SIGKILL
    process.onExit().get(10, TimeUnit.SECONDS);
    Files.writeString(markers.resolve(KafkaFinalCheckpointJob.RELEASE), "");

    awaitOrExplain("the job restarted after the TaskManager was killed", jobId,
        () -> exceptionCount(jobId) > failuresBefore);
    awaitOrExplain("the job finished", jobId, () -> "FINISHED".equals(state(jobId)));
    writer.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(writerFailure.get()).as("the input writer's failure").isNull();
    assertThat(written.get()).isEqualTo(RECORDS);

    Map<String, Long> committed = broker.readAllCommitted(output).stream()
        .collect(Collectors.groupingBy(r -> new String(r.value(), StandardCharsets.UTF_8), Collectors.counting()));
    Map<String, Long> expected = new HashMap<>();
    for (int value = 0; value < RECORDS; value++) {
      expected.put(Integer.toString(value), 1L);
    }
    assertThat(committed).as("every input record once").isEqualTo(expected);

    JsonNode checkpoints = checkpoints(jobId);
    JsonNode restored = checkpoints.path("latest").path("restored");
    assertThat(checkpoints.path("counts").path("restored").asLong()).as("restores from a checkpoint: %s", checkpoints)
        .isGreaterThanOrEqualTo(1);
    assertThat(restored.path("id").asLong()).as("the restored checkpoint: %s", checkpoints).isPositive();
    assertThat(restored.path("is_savepoint").asBoolean()).as("restored a savepoint: %s", checkpoints).isFalse();

    Await.untilPasses(Duration.ofSeconds(60), "no open transaction of the job", () ->
        assertThat(openTransactions(prefix)).as("transactions of the job left open").isEmpty());
    Map<TopicPartition, Long> stable = endOffsets(output, IsolationLevel.READ_COMMITTED);
    Map<TopicPartition, Long> ends = endOffsets(output, IsolationLevel.READ_UNCOMMITTED);
    assertThat(stable).as("the last stable offsets reach the ends of the partitions").isEqualTo(ends);
  }

  /** The held-checkpoint markers: the partition whose data ended, with the process id of its TaskManager. */
  private static Map<Integer, Long> held(Path markers) throws IOException {
    Map<Integer, Long> held = new HashMap<>();
    try (Stream<Path> files = Files.list(markers)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("held-")).toList()) {
        String pid = Files.readString(file).strip();
        if (!pid.isEmpty()) { // created before its content is written
          held.put(Integer.parseInt(file.getFileName().toString().substring("held-".length())), Long.parseLong(pid));
        }
      }
    }
    return held;
  }

  private static List<String> openTransactions(String prefix) throws Exception {
    List<String> open = new ArrayList<>();
    for (TransactionListing listing : broker.admin().listTransactions().all().get()) {
      if (listing.state() == TransactionState.ONGOING && listing.transactionalId().startsWith(prefix)) {
        open.add(listing.transactionalId());
      }
    }
    return open;
  }

  private static Map<TopicPartition, Long> endOffsets(String topic, IsolationLevel isolation) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = broker.admin()
        .listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS);
    return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** The job jar, shaded as a user builds one: the job's classes, the Kafka connector's and kafka-clients'. */
  private static Path jobJar() throws IOException {
    Path jar = home.resolve("kafka-final-job.jar");
    if (!Files.exists(jar)) {
      List<Path> libraries = classPath().stream()
          .filter(KafkaFinalCheckpointKillProcessClusterTest::isKafkaLibrary).toList();
      assertThat(libraries).as("the Kafka connector and client on the test class path").hasSize(2);
      ShadedJobJar.write(jar, KafkaFinalCheckpointJob.class, libraries);
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

  private static String classPathWithoutKafka() {
    return classPath().stream().map(Path::toString)
        .filter(entry -> !entry.replace(File.separatorChar, '/').contains("/org/apache/kafka/"))
        .filter(entry -> !entry.contains("spate-connector-kafka"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static RestClusterClient client() {
    int colon = address.lastIndexOf(':');
    return new RestClusterClient(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
  }

  private static JsonNode checkpoints(String jobId) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + address + "/jobs/" + jobId + "/checkpoints"))
            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static long completedCheckpoints(String jobId) throws Exception {
    long completed = 0;
    for (JsonNode checkpoint : checkpoints(jobId).path("history")) {
      if (checkpoint.path("status").asText().equals("COMPLETED")) {
        completed++;
      }
    }
    return completed;
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
