package io.spate.bench.nexmark.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spate.bench.nexmark.ResultSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one runner process reports, in the JSON of the benchmark protocol: either a measurement or
 * an error.
 *
 * @param engine {@code spate}, {@code flink} or {@code baseline}
 * @param query the query's name
 * @param events the number of events generated
 * @param elapsedNanos wall time from job submission to job end
 * @param cpuNanos the process's CPU time over the same span
 * @param peakRssKiB the process's peak resident memory ({@code VmHWM}) at the end, -1 if unknown
 * @param resultCount the number of canonical result rows
 * @param resultChecksum the checksum of the canonical result, in hex
 * @param latency per-row latency percentiles, or null when not measured
 * @param error what went wrong, or null for a measurement
 */
public record RunResult(String engine, String query, long events, long elapsedNanos, long cpuNanos, long peakRssKiB,
    long resultCount, String resultChecksum, Latency latency, String error) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Latency percentiles in microseconds.
   *
   * @param p50Micros the median
   * @param p99Micros the 99th percentile
   * @param p999Micros the 99.9th percentile
   */
  public record Latency(long p50Micros, long p99Micros, long p999Micros) {

    /** The nearest-rank percentiles of {@code sorted} latencies in microseconds, or null if there are none. */
    public static Latency ofSorted(long[] sorted) {
      if (sorted.length == 0) {
        return null;
      }
      return new Latency(rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999));
    }

    /** The nearest-rank percentile of sorted {@code values}. */
    static long rank(long[] values, double quantile) {
      int index = (int) Math.ceil(quantile * values.length) - 1;
      return values[Math.max(0, Math.min(values.length - 1, index))];
    }
  }

  /** A measurement. */
  public static RunResult measured(String engine, String query, long events, long elapsedNanos, long cpuNanos,
      long peakRssKiB, ResultSummary summary, Latency latency) {
    return new RunResult(engine, query, events, elapsedNanos, cpuNanos, peakRssKiB, summary.count(),
        Long.toHexString(summary.checksum()), latency, null);
  }

  /** A failed run. */
  public static RunResult failed(String engine, String query, String error) {
    return new RunResult(engine, query, 0, 0, 0, 0, 0, null, null, error);
  }

  /** Whether this is a failure. */
  public boolean isError() {
    return error != null;
  }

  /** Events per second of wall time. */
  public double eventsPerSecond() {
    return elapsedNanos > 0 ? events * 1e9 / elapsedNanos : 0;
  }

  /** CPU seconds per million events. */
  public double cpuSecondsPerMillionEvents() {
    return events > 0 ? cpuNanos / 1e9 / (events / 1e6) : 0;
  }

  /** The JSON object of the protocol. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("engine", engine);
    node.put("query", query);
    if (error != null) {
      node.put("error", error);
      return node.toString();
    }
    node.put("events", events);
    node.put("elapsedNanos", elapsedNanos);
    node.put("cpuNanos", cpuNanos);
    node.put("peakRssKiB", peakRssKiB);
    node.put("resultCount", resultCount);
    node.put("resultChecksum", resultChecksum);
    if (latency != null) {
      ObjectNode l = node.putObject("latency");
      l.put("p50Micros", latency.p50Micros());
      l.put("p99Micros", latency.p99Micros());
      l.put("p999Micros", latency.p999Micros());
    }
    return node.toString();
  }

  /** Writes {@link #toJson()} to {@code file}. */
  public void writeTo(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson() + "\n");
  }

  /** Parses a runner's JSON; fails naming the file when it is not the protocol's object. */
  public static RunResult read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  /** Parses a runner's JSON text. */
  public static RunResult parse(String text) throws IOException {
    JsonNode node = JSON.readTree(text);
    if (node == null || !node.isObject()) {
      throw new IOException("Not a JSON object: " + text);
    }
    String engine = node.path("engine").asText(null);
    String query = node.path("query").asText(null);
    if (node.hasNonNull("error")) {
      return failed(engine, query, node.get("error").asText());
    }
    Latency latency = null;
    JsonNode l = node.get("latency");
    if (l != null && l.isObject()) {
      latency = new Latency(l.path("p50Micros").asLong(), l.path("p99Micros").asLong(), l.path("p999Micros").asLong());
    }
    return new RunResult(engine, query, node.path("events").asLong(), node.path("elapsedNanos").asLong(),
        node.path("cpuNanos").asLong(), node.path("peakRssKiB").asLong(-1), node.path("resultCount").asLong(),
        node.path("resultChecksum").asText(null), latency, null);
  }

  /** Whether this run's result equals {@code other}'s: the same count and checksum (hex, as every runner writes it). */
  public boolean sameResultAs(RunResult other) {
    Long checksum = checksumValue(resultChecksum);
    return resultCount == other.resultCount && checksum != null && checksum.equals(checksumValue(other.resultChecksum));
  }

  private static Long checksumValue(String hex) {
    if (hex == null) {
      return null;
    }
    try {
      return Long.parseUnsignedLong(hex, 16);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
