package io.spate.connectors.kafka.testing;

import io.spate.connectors.kafka.KafkaTopics;
import io.spate.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A real single-node Kafka broker in a JVM of its own ({@link KafkaBrokerMain}), on fixed loopback
 * ports and a fixed log directory, so that a test can kill it with SIGKILL while a job uses it and start
 * it again where it was: same address, same topics, same transactions.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(90);
  private static final String COORDINATOR_LOG_LEVEL = "org.slf4j.simpleLogger.log.kafka.coordinator.transaction";
  /** What the broker logs when it completes a transaction without writing its markers to some partitions. */
  private static final String SKIPPED_MARKERS = "Couldn't find leader endpoint for partitions";
  /** What precedes the transactional id in that log line. */
  private static final String MARKERS_FOR = " markers for ";

  private final Path logDir;
  private final Path logFile;
  private final int brokerPort;
  private final int controllerPort;
  private Process process;

  private KafkaBrokerProcess(Path dir, int brokerPort, int controllerPort) {
    this.logDir = dir.resolve("kafka-logs");
    this.logFile = dir.resolve("kafka-broker.log");
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
  }

  /** Starts a broker that keeps its data under {@code dir}, on two free loopback ports, and waits until it answers. */
  public static KafkaBrokerProcess start(Path dir) {
    KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, freePort(), freePort());
    broker.startProcess();
    return broker;
  }

  /** The {@code host:port} clients connect to; the same after a restart. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** The operating system's id of the broker's current process. */
  public long pid() {
    return process.pid();
  }

  /** Kills the broker's process with SIGKILL (no orderly shutdown) and waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The killed Kafka broker (pid " + process.pid() + ") did not end within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while killing the Kafka broker", e);
    }
  }

  /** Whether the broker's process runs (it may still be starting). */
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the broker again on its ports and log directory, and waits until it answers. */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("The Kafka broker (pid " + process.pid() + ") still runs; kill() it first");
    }
    startProcess();
  }

  /** Creates a topic with {@code partitions} partitions and waits until it exists. */
  public void createTopic(String topic, int partitions) {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
      KafkaTopics.awaitLeaders(admin, topic, partitions, Duration.ofSeconds(30));
    } catch (Exception e) {
      throw new IllegalStateException("Could not create topic " + topic + ": " + e, e);
    }
  }

  /** Every record of {@code topic} as {@link KafkaTestBroker#readAll(String, String)} reads it. */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String isolationLevel) {
    return KafkaTestBroker.readAll(bootstrapServers(), topic, isolationLevel);
  }

  /** An admin client of the broker; the caller closes it. */
  public Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    return Admin.create(props);
  }

  /** The end of the broker's log, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(broker log " + logFile + " not readable: " + e + ")";
    }
  }

  /**
   * The broker's log lines saying that it completed a transaction of {@code transactionalIdPrefix}
   * without writing its markers to some of its partitions. Kafka 4.3.1 does that to a transaction it
   * finds half committed (PrepareCommit) when it starts again after a kill, if a partition of it has no
   * leader at that moment (as a single broker's partitions have none while it registers again): it takes
   * such a partition for deleted. The partition's records then
   * stay in an open transaction that no coordinator will end, and read_committed consumers of the
   * partition see nothing past them, whatever the client does.
   */
  public List<String> skippedTransactionMarkers(String transactionalIdPrefix) {
    try {
      return skippedTransactionMarkers(Files.readAllLines(logFile, StandardCharsets.UTF_8), transactionalIdPrefix);
    } catch (IOException e) {
      return List.of("(broker log " + logFile + " not readable: " + e + ")");
    }
  }

  /**
   * The lines of {@code log} about skipped markers of a transaction of {@code transactionalIdPrefix}
   * itself ({@code <prefix>-<subtask>-<n>}), not of another prefix that begins with it: a run named
   * {@code killed-before-commit} must not take the loss of {@code killed-before-commit-that-times-out}
   * for its own.
   */
  static List<String> skippedTransactionMarkers(List<String> log, String transactionalIdPrefix) {
    Pattern ownId = transactionalIdsOf(transactionalIdPrefix);
    return log.stream()
        .filter(line -> line.contains(SKIPPED_MARKERS) && line.contains(MARKERS_FOR)
            && ownId.matcher(skippedTransaction(line)).matches())
        .toList();
  }

  /** Matches exactly the transactional ids the Kafka sink gives its transactions under {@code prefix}. */
  public static Pattern transactionalIdsOf(String prefix) {
    return Pattern.compile(Pattern.quote(prefix) + "-[0-9]+-[0-9]+");
  }

  /**
   * The transactions that partitions of {@code topic} hold open for good because the broker lost their
   * commit: each entry is one of {@link #openTransactionsOn} whose producer is that of a transaction named
   * in {@link #skippedTransactionMarkers} and whose partition that log line names among those it skipped.
   * Empty when the broker logged no such loss for {@code transactionalIdPrefix}: then reading the log is
   * all this costs, so a test may ask at every poll while it waits for its output.
   */
  public List<String> transactionsLostByTheBroker(String transactionalIdPrefix, String topic, int partitions) {
    List<String> skipped = skippedTransactionMarkers(transactionalIdPrefix);
    if (skipped.isEmpty()) {
      return List.of();
    }
    List<String> open = openTransactionsOn(topic, partitions);
    List<String> held = new ArrayList<>();
    for (String line : skipped) {
      String producer = "producer id " + producerIdOf(skippedTransaction(line)) + " ";
      open.stream()
          .filter(entry -> entry.contains(producer) && names(line, entry.substring(0, entry.indexOf(':'))))
          .forEach(held::add);
    }
    return held;
  }

  /** The transactional id in the broker's log line about skipped markers ("... markers for {@code id}, ..."). */
  private static String skippedTransaction(String line) {
    int start = line.indexOf(MARKERS_FOR) + MARKERS_FOR.length();
    int end = line.indexOf(',', start);
    return end < 0 ? line.substring(start) : line.substring(start, end);
  }

  /** The producer id of transaction {@code transactionalId} as its coordinator reports it, or -1. */
  private long producerIdOf(String transactionalId) {
    try (Admin admin = admin()) {
      return admin.describeTransactions(List.of(transactionalId)).description(transactionalId)
          .get(30, TimeUnit.SECONDS).producerId();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Whether the broker's log line {@code line} names partition {@code partition} (as "topic-n") in its partition set. */
  private static boolean names(String line, String partition) {
    return line.contains("(" + partition + ",") || line.contains("(" + partition + ")")
        || line.contains(" " + partition + ",") || line.contains(" " + partition + ")");
  }

  /**
   * The transactions that partitions {@code 0..partitions-1} of {@code topic} hold open, as the
   * partitions themselves see them (which may differ from what the transaction coordinator reports).
   */
  public List<String> openTransactionsOn(String topic, int partitions) {
    List<TopicPartition> all = new ArrayList<>();
    for (int partition = 0; partition < partitions; partition++) {
      all.add(new TopicPartition(topic, partition));
    }
    List<String> open = new ArrayList<>();
    try (Admin admin = admin()) {
      admin.describeProducers(all).all().get(30, TimeUnit.SECONDS).forEach((partition, state) ->
          state.activeProducers().forEach(producer -> producer.currentTransactionStartOffset().ifPresent(offset ->
              open.add(partition + ": producer id " + producer.producerId() + " epoch " + producer.producerEpoch()
                  + " open since offset " + offset))));
    } catch (Exception e) {
      open.add("(could not describe the producers of " + topic + ": " + e + ")");
    }
    return open;
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private void startProcess() {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // The transaction coordinator's own account (loads, markers) goes to the broker's log: after a
        // restart it tells a transaction the broker completed without its markers from a client's fault.
        "-Xmx384m", "-D" + COORDINATOR_LOG_LEVEL + "=info",
        "-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName(),
        Integer.toString(brokerPort), Integer.toString(controllerPort), logDir.toString());
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the Kafka broker process", e);
    }
    Await.until(READY, () -> "the Kafka broker at " + bootstrapServers() + " to answer; its log:\n" + logTail(), () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("The Kafka broker process ended with exit code " + process.exitValue()
            + "; its log:\n" + logTail());
      }
      try (Admin admin = admin()) {
        return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
      } catch (Exception e) {
        return false;
      }
    });
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }
}
