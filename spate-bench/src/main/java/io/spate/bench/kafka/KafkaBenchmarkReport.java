package io.spate.bench.kafka;

import io.spate.bench.nexmark.run.BenchmarkReport;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Renders the Kafka benchmark's Markdown report: where and how it ran, one row per workload with
 * each engine's median throughput, CPU and memory and their ratio, exactly-once against
 * at-least-once per engine, every run's throughput, and the failed runs.
 */
final class KafkaBenchmarkReport {

  private KafkaBenchmarkReport() {}

  static String markdown(KafkaBenchmarkOptions o, List<KafkaRunResult> results, List<String> notes, String[] args) {
    StringBuilder s = new StringBuilder();
    s.append("## Kafka: Spate and Apache Flink\n\n");
    s.append("Written by `./spate bench kafka").append(args.length == 0 ? "" : " " + String.join(" ", args))
        .append("` on ")
        .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append(".\n\n");
    s.append("- Machine: ").append(BenchmarkReport.machine()).append('\n');
    s.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(", child JVMs with `")
        .append(String.join(" ", o.jvmOptions)).append("`, the broker's with `")
        .append(String.join(" ", o.brokerJvmOptions)).append("`\n");
    s.append("- Versions: Spate ").append(BenchmarkReport.spateVersion()).append(" with kafka-clients ")
        .append(clients(results, "spate")).append("; Apache Flink 1.20.4 with flink-connector-kafka 3.4.0-1.20 and "
            + "kafka-clients ").append(clients(results, "flink"))
        .append("; broker: Apache Kafka 4.3.1 (KRaft, one node, its own JVM, loopback)\n");
    s.append(String.format(Locale.ROOT, "- Configuration: %,d records (8-byte keys, %d-byte values) in a topic of %d "
            + "partitions, read from the earliest to the latest offsets (bounded); parallelism %d; the workloads "
            + "that write to Kafka checkpoint every %d ms and write to a new topic of %d partitions per run; "
            + "%d run%s per workload and engine, engines alternating (medians shown)%n",
        o.records, o.valueBytes, o.partitions, o.parallelism, o.checkpointIntervalMillis, o.partitions, o.runs,
        o.runs == 1 ? "" : "s"));
    for (String note : notes) {
      s.append("- ").append(note).append('\n');
    }
    s.append('\n');
    s.append("| workload | records | Spate records/s | Flink records/s | Spate/Flink | Spate CPU s/M records "
        + "| Flink CPU s/M records | Spate peak RSS MiB | Flink peak RSS MiB | output |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (KafkaWorkload w : o.workloads) {
      double spate = median(ok(results, w, "spate"), KafkaRunResult::recordsPerSecond);
      double flink = median(ok(results, w, "flink"), KafkaRunResult::recordsPerSecond);
      s.append("| ").append(w.id()).append(" | ").append(BenchmarkReport.rate(o.records).replace("–", "0"))
          .append(" | ").append(BenchmarkReport.rate(spate)).append(" | ").append(BenchmarkReport.rate(flink))
          .append(" | ").append(ratio(spate, flink))
          .append(" | ").append(number(median(ok(results, w, "spate"), KafkaRunResult::cpuSecondsPerMillionRecords)))
          .append(" | ").append(number(median(ok(results, w, "flink"), KafkaRunResult::cpuSecondsPerMillionRecords)))
          .append(" | ").append(whole(median(ok(results, w, "spate"), r -> r.peakRssKiB() / 1024.0)))
          .append(" | ").append(whole(median(ok(results, w, "flink"), r -> r.peakRssKiB() / 1024.0)))
          .append(" | ").append(output(results, w, o.records)).append(" |\n");
    }
    if (o.workloads.contains(KafkaWorkload.AT_LEAST_ONCE) && o.workloads.contains(KafkaWorkload.EXACTLY_ONCE)) {
      s.append("\nExactly-once over at-least-once throughput (medians): Spate ")
          .append(ratio(median(ok(results, KafkaWorkload.EXACTLY_ONCE, "spate"), KafkaRunResult::recordsPerSecond),
              median(ok(results, KafkaWorkload.AT_LEAST_ONCE, "spate"), KafkaRunResult::recordsPerSecond)))
          .append(", Flink ")
          .append(ratio(median(ok(results, KafkaWorkload.EXACTLY_ONCE, "flink"), KafkaRunResult::recordsPerSecond),
              median(ok(results, KafkaWorkload.AT_LEAST_ONCE, "flink"), KafkaRunResult::recordsPerSecond)))
          .append(".\n");
    }
    s.append("\nEvery run, records/s in the order run:\n\n");
    for (KafkaWorkload w : o.workloads) {
      for (String engine : KafkaBenchmarkOptions.ENGINES) {
        List<String> runs = new ArrayList<>();
        for (KafkaRunResult r : results) {
          if (r.workload().equals(w.id()) && r.engine().equals(engine)) {
            runs.add(r.isError() ? "failed" : BenchmarkReport.rate(r.recordsPerSecond()));
          }
        }
        if (!runs.isEmpty()) {
          s.append("- ").append(w.id()).append(", ").append(engine).append(": ").append(String.join(", ", runs))
              .append('\n');
        }
      }
    }
    List<String> failures = new ArrayList<>();
    for (KafkaRunResult r : results) {
      if (r.isError()) {
        failures.add("- " + r.workload() + " on " + r.engine() + ": " + r.error().replace('\n', ' '));
      }
    }
    if (!failures.isEmpty()) {
      s.append("\nFailed runs:\n\n").append(String.join("\n", failures)).append('\n');
    }
    return s.toString();
  }

  /** The successful runs of {@code workload} on {@code engine}. */
  static List<KafkaRunResult> ok(List<KafkaRunResult> results, KafkaWorkload workload, String engine) {
    return results.stream().filter(r -> !r.isError() && r.engine().equals(engine) && r.workload().equals(workload.id()))
        .toList();
  }

  /** The median of {@code f} over {@code runs} (the mean of the middle two for an even count), NaN if none. */
  static double median(List<KafkaRunResult> runs, ToDoubleFunction<KafkaRunResult> f) {
    double[] values = runs.stream().mapToDouble(f).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /** What the output topics held: "every record" per engine, or the highest count found, or a dash. */
  private static String output(List<KafkaRunResult> results, KafkaWorkload w, long records) {
    if (!w.writesToKafka()) {
      return "–";
    }
    List<String> parts = new ArrayList<>();
    for (String engine : KafkaBenchmarkOptions.ENGINES) {
      List<KafkaRunResult> runs = ok(results, w, engine);
      if (runs.isEmpty()) {
        continue;
      }
      long max = runs.stream().mapToLong(KafkaRunResult::recordsWritten).max().orElse(0);
      String word = engine.substring(0, 1).toUpperCase(Locale.ROOT) + engine.substring(1);
      parts.add(word + (max == records ? ": every record once" : String.format(Locale.ROOT, ": up to %,d of %,d", max, records)));
    }
    return parts.isEmpty() ? "–" : String.join("; ", parts);
  }

  private static String clients(List<KafkaRunResult> results, String engine) {
    return results.stream().filter(r -> r.engine().equals(engine) && r.kafkaClientsVersion() != null)
        .map(KafkaRunResult::kafkaClientsVersion).distinct().reduce((a, b) -> a + "/" + b).orElse("(not run)");
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b <= 0 ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String whole(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
  }
}
