package io.spate.bench.nexmark.run;

import io.spate.bench.nexmark.NexmarkQueries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runs of one query on every engine, and the medians and result check the report shows. */
final class QueryComparison {

  /** Queries whose result depends on the wall clock, so that engines cannot be compared by result. */

  final String query;
  final Map<String, List<RunResult>> runs = new LinkedHashMap<>();
  final Map<String, List<RunResult>> latencyRuns = new LinkedHashMap<>();

  QueryComparison(String query) {
    this.query = query;
  }

  void add(RunResult result) {
    runs.computeIfAbsent(result.engine(), e -> new ArrayList<>()).add(result);
  }

  void addLatency(RunResult result) {
    latencyRuns.computeIfAbsent(result.engine(), e -> new ArrayList<>()).add(result);
  }

  /** The successful runs of {@code engine}. */
  List<RunResult> ok(String engine) {
    return runs.getOrDefault(engine, List.of()).stream().filter(r -> !r.isError()).toList();
  }

  /** The errors of {@code engine}'s runs. */
  List<String> errors(String engine) {
    return runs.getOrDefault(engine, List.of()).stream().filter(RunResult::isError).map(RunResult::error).toList();
  }

  double medianEventsPerSecond(String engine) {
    return median(ok(engine).stream().mapToDouble(RunResult::eventsPerSecond).toArray());
  }

  double medianCpuPerMillion(String engine) {
    return median(ok(engine).stream().mapToDouble(RunResult::cpuSecondsPerMillionEvents).toArray());
  }

  double medianPeakRssMiB(String engine) {
    return median(ok(engine).stream().mapToDouble(r -> r.peakRssKiB() / 1024.0).toArray());
  }

  /** The median p50, p99 and p99.9 latencies of {@code engine} in microseconds, or null. */
  RunResult.Latency medianLatency(String engine) {
    List<RunResult.Latency> ok = latencyRuns.getOrDefault(engine, List.of()).stream()
        .filter(r -> !r.isError() && r.latency() != null).map(RunResult::latency).toList();
    if (ok.isEmpty()) {
      return null;
    }
    return new RunResult.Latency(
        (long) median(ok.stream().mapToDouble(RunResult.Latency::p50Micros).toArray()),
        (long) median(ok.stream().mapToDouble(RunResult.Latency::p99Micros).toArray()),
        (long) median(ok.stream().mapToDouble(RunResult.Latency::p999Micros).toArray()));
  }

  /**
   * Whether all successful runs of all engines have the same result: {@code equal (N rows)}, a
   * description of the difference, or why there is nothing to compare.
   */
  String resultCheck() {
    if (NexmarkQueries.named(query).processingTime()) {
      return "n/a (processing time)";
    }
    RunResult reference = null;
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, List<RunResult>> entry : runs.entrySet()) {
      for (RunResult r : entry.getValue()) {
        if (r.isError()) {
          continue;
        }
        if (reference == null) {
          reference = r;
        } else if (!reference.sameResultAs(r)) {
          differences.add(r.engine() + " " + r.resultCount() + "/" + r.resultChecksum());
        }
      }
    }
    if (reference == null) {
      return "no result";
    }
    if (differences.isEmpty()) {
      return "equal (" + reference.resultCount() + " rows)";
    }
    return "DIFFER: " + reference.engine() + " " + reference.resultCount() + "/" + reference.resultChecksum() + " vs "
        + String.join(", ", differences.stream().distinct().toList());
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
