package io.spate.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One child run's measurement (or its error), written as one JSON object: the engine and workload,
 * the records the job read, the job's wall time from submission to end, the process's CPU time over
 * the same span, its peak resident memory, and the kafka-clients version the job ran with. The
 * harness adds the number of records it then found in the output topic ({@code -1} if not counted).
 */
public record KafkaRunResult(String engine, String workload, long recordsRead, long elapsedNanos, long cpuNanos,
    long peakRssKiB, String kafkaClientsVersion, long recordsWritten, String error) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A successful measurement. */
  public static KafkaRunResult measured(String engine, KafkaWorkload workload, long recordsRead, long elapsedNanos,
      long cpuNanos, long peakRssKiB, String kafkaClientsVersion) {
    return new KafkaRunResult(engine, workload.id(), recordsRead, elapsedNanos, cpuNanos, peakRssKiB,
        kafkaClientsVersion, -1, null);
  }

  /** A run that failed with {@code error}. */
  public static KafkaRunResult failed(String engine, String workload, String error) {
    return new KafkaRunResult(engine, workload, 0, 0, 0, -1, null, -1, error);
  }

  /** Whether the run failed. */
  public boolean isError() {
    return error != null;
  }

  /** Records read per second of job wall time. */
  public double recordsPerSecond() {
    return elapsedNanos <= 0 ? 0 : recordsRead * 1e9 / elapsedNanos;
  }

  /** CPU seconds of the whole process per million records read. */
  public double cpuSecondsPerMillionRecords() {
    return recordsRead <= 0 ? 0 : cpuNanos / 1e9 / (recordsRead / 1e6);
  }

  /** This result with the count of records found in the output topic. */
  public KafkaRunResult withRecordsWritten(long written) {
    return new KafkaRunResult(engine, workload, recordsRead, elapsedNanos, cpuNanos, peakRssKiB, kafkaClientsVersion,
        written, error);
  }

  /** This result turned into a failure with {@code why} (for example a wrong output count). */
  public KafkaRunResult failedBecause(String why) {
    return new KafkaRunResult(engine, workload, recordsRead, elapsedNanos, cpuNanos, peakRssKiB, kafkaClientsVersion,
        recordsWritten, why);
  }

  /** The JSON object of this result. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("engine", engine);
    node.put("workload", workload);
    node.put("recordsRead", recordsRead);
    node.put("elapsedNanos", elapsedNanos);
    node.put("cpuNanos", cpuNanos);
    node.put("peakRssKiB", peakRssKiB);
    node.put("kafkaClientsVersion", kafkaClientsVersion);
    node.put("recordsWritten", recordsWritten);
    node.put("error", error);
    return node.toString();
  }

  /** Writes {@link #toJson()} to {@code file}. */
  public void writeTo(Path file) throws IOException {
    Files.writeString(file, toJson() + "\n");
  }

  /** Reads a child's JSON result; fails naming the file when it is not one. */
  public static KafkaRunResult read(Path file) throws IOException {
    JsonNode n;
    try {
      n = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IOException("Not a Kafka benchmark result: " + file + ": " + e.getMessage(), e);
    }
    if (n == null || !n.hasNonNull("engine") || !n.hasNonNull("workload")) {
      throw new IOException("Not a Kafka benchmark result (no engine or workload): " + file);
    }
    return new KafkaRunResult(n.get("engine").asText(), n.get("workload").asText(), n.path("recordsRead").asLong(),
        n.path("elapsedNanos").asLong(), n.path("cpuNanos").asLong(), n.path("peakRssKiB").asLong(-1),
        n.hasNonNull("kafkaClientsVersion") ? n.get("kafkaClientsVersion").asText() : null,
        n.path("recordsWritten").asLong(-1), n.hasNonNull("error") ? n.get("error").asText() : null);
  }
}
