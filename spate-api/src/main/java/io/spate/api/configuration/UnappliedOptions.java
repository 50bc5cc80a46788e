package io.spate.api.configuration;

import io.spate.api.annotation.Internal;
import io.spate.api.common.ExecutionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The options Spate accepts for Flink compatibility without applying them (each with the values that
 * differ from what Spate does), and the key prefixes of Flink's option families it has no counterpart
 * for; a job that sets one of them is told so in the log when it is submitted.
 */
@Internal
public final class UnappliedOptions {

  private record Unapplied<T>(ConfigOption<T> option, Predicate<T> differs, String instead) {
    String describe(Configuration conf) {
      return conf.getOptional(option).filter(differs)
          .map(value -> option.key() + " = " + conf.getValue(option) + " is not applied: " + instead)
          .orElse(null);
    }
  }

  private static final List<Unapplied<?>> OPTIONS = List.of(
      new Unapplied<>(PipelineOptions.CLOSURE_CLEANER_LEVEL, level -> level != ExecutionConfig.ClosureCleanerLevel.NONE,
          "Spate does not clean closures; a function is used as written."),
      new Unapplied<>(PipelineOptions.LATENCY_INTERVAL, interval -> interval.compareTo(Duration.ZERO) > 0,
          "Spate sends no latency markers; see the task and checkpoint metrics instead."),
      new Unapplied<>(TaskManagerOptions.TASK_CANCELLATION_INTERVAL, interval -> true,
          "a cancelled task stops at its next step; a legacy source's thread is interrupted once, 3 s after cancel()."),
      new Unapplied<>(TaskManagerOptions.TASK_CANCELLATION_TIMEOUT, timeout -> true,
          "Spate does not stop a TaskManager whose task ignores cancellation."),
      new Unapplied<>(CheckpointingOptions.SNAPSHOT_COMPRESSION, compress -> compress,
          "Spate writes snapshots uncompressed."));

  /** Keys within the families below that Spate does apply. */
  private static final java.util.Set<String> APPLIED_IN_FAMILIES = java.util.Set.of(
      WebOptions.CHECKPOINTS_HISTORY_SIZE.key());

  /** Key prefixes of Flink option families Spate has no counterpart for, each with what Spate does instead. */
  private static final Map<String, String> FAMILIES = families();

  private static Map<String, String> families() {
    Map<String, String> families = new LinkedHashMap<>();
    families.put("web.", "Spate's web UI is served with its REST API, on the REST port, and is configured with rest.*"
        + " (web.checkpoints.history is the one web.* option it applies).");
    families.put("akka.", "Spate's processes talk gRPC (rpc.* options).");
    families.put("pekko.", "Spate's processes talk gRPC (rpc.* options).");
    families.put("blob.", "Spate ships job jars through its REST API.");
    families.put("historyserver.", "Spate has no history server.");
    families.put("queryable-state.", "Spate has no queryable state.");
    families.put("state.changelog.", "Spate has no changelog state backend; RocksDB checkpoints incrementally with"
        + " state.backend.incremental.");
    families.put("jobmanager.memory.", "a JobManager's memory is its JVM's (-Xmx).");
    families.put("taskmanager.network.memory.", "Spate's network is sized in batches (taskmanager.network.batch-size,"
        + " taskmanager.network.channel-capacity).");
    families.put("yarn.", "Spate does not deploy on YARN itself.");
    families.put("kubernetes.", "Spate does not deploy on Kubernetes itself.");
    families.put("execution.batch.", "Spate has no adaptive batch scheduler or speculative execution.");
    families.put("execution.async-state.", "Spate has no asynchronous state API.");
    families.put("fs.", "Spate reads and writes local files only, with no connection limits or file system"
        + " plugins to configure.");
    return java.util.Collections.unmodifiableMap(families);
  }

  private UnappliedOptions() {}

  /** One line for each option of {@code conf} that is set to a value Spate does not apply, saying why. */
  public static List<String> describe(Configuration conf) {
    List<String> lines = new ArrayList<>();
    for (Unapplied<?> unapplied : OPTIONS) {
      String line = unapplied.describe(conf);
      if (line != null) {
        lines.add(line);
      }
    }
    for (String key : new TreeSet<>(conf.keySet())) {
      for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
        if (key.startsWith(family.getKey()) && !APPLIED_IN_FAMILIES.contains(key)) {
          lines.add(key + " is not applied: " + family.getValue());
        }
      }
    }
    return lines;
  }
}
