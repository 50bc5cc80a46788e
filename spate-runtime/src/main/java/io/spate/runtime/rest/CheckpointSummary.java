package io.spate.runtime.rest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Flink's summary of a figure over several checkpoints or subtasks: min, max, avg and the percentiles
 * p50, p90, p95, p99 and p999 (nearest rank); all 0 over nothing, as Flink reports an empty summary.
 */
final class CheckpointSummary {

  private CheckpointSummary() {}

  /** The summary of {@code value} over {@code items}. */
  static <T> Map<String, Object> of(List<T> items, ToLongFunction<T> value) {
    long[] values = items.stream().mapToLong(value).sorted().toArray();
    Map<String, Object> summary = new LinkedHashMap<>();
    if (values.length == 0) {
      for (String key : List.of("min", "max", "avg", "p50", "p90", "p95", "p99", "p999")) {
        summary.put(key, 0L);
      }
      return summary;
    }
    summary.put("min", values[0]);
    summary.put("max", values[values.length - 1]);
    summary.put("avg", Math.round(Arrays.stream(values).average().orElse(0)));
    summary.put("p50", percentile(values, 0.50));
    summary.put("p90", percentile(values, 0.90));
    summary.put("p95", percentile(values, 0.95));
    summary.put("p99", percentile(values, 0.99));
    summary.put("p999", percentile(values, 0.999));
    return summary;
  }

  /** The nearest-rank {@code quantile} of the sorted, non-empty {@code values}. */
  static long percentile(long[] values, double quantile) {
    int rank = (int) Math.ceil(quantile * values.length);
    return values[Math.max(0, Math.min(values.length, rank) - 1)];
  }
}
