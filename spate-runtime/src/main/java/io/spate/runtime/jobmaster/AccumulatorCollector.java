package io.spate.runtime.jobmaster;

import io.spate.api.accumulators.Accumulator;
import io.spate.runtime.rpc.ClusterObjectFilter;
import io.spate.runtime.rpc.SerializedValue;
import io.spate.runtime.taskexecutor.gateway.SubtaskAccumulators;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the serialized accumulators of a job's subtasks (final ones of finished subtasks, current ones
 * of running subtasks) into {@link JobAccumulators}. An accumulator that cannot be read here (its class
 * is only in the job's jar) or that two subtasks registered with different classes is reported as such
 * rather than failing the query.
 */
final class AccumulatorCollector {

  private final Map<Integer, Map<Integer, Map<String, Accumulator<?, ?>>>> bySubtask = new TreeMap<>();
  private final Map<Integer, Map<Integer, List<JobAccumulators.Value>>> unreadable = new TreeMap<>();

  /** Adds the accumulators of subtask {@code subtaskIndex} of vertex {@code vertexId}. */
  void add(int vertexId, int subtaskIndex, SerializedValue<Map<String, Accumulator<?, ?>>> serialized) {
    ClassLoader loader = AccumulatorCollector.class.getClassLoader();
    try {
      Map<String, Accumulator<?, ?>> accumulators = serialized.deserialize(loader,
          ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE).withUserClassLoader(loader));
      bySubtask.computeIfAbsent(vertexId, v -> new TreeMap<>()).put(subtaskIndex, new TreeMap<>(accumulators));
    } catch (Exception e) {
      unreadable.computeIfAbsent(vertexId, v -> new TreeMap<>()).put(subtaskIndex,
          List.of(new JobAccumulators.Value("(unreadable)", "unknown", e.toString())));
    }
  }

  /** Adds the current accumulators that a TaskExecutor reported. */
  void addAll(List<SubtaskAccumulators> running) {
    for (SubtaskAccumulators subtask : running) {
      add(subtask.attemptId().vertexId(), subtask.attemptId().subtaskIndex(), subtask.accumulators());
    }
  }

  /** The accumulators merged per job, vertex and subtask. */
  JobAccumulators collect() {
    Map<String, Accumulator<Object, Serializable>> job = new TreeMap<>();
    Map<String, String> jobConflicts = new TreeMap<>();
    Map<Integer, List<JobAccumulators.Value>> byVertex = new TreeMap<>();
    Map<Integer, Map<Integer, List<JobAccumulators.Value>>> subtasks = new TreeMap<>();
    bySubtask.forEach((vertexId, perSubtask) -> {
      Map<String, Accumulator<Object, Serializable>> vertex = new TreeMap<>();
      Map<String, String> vertexConflicts = new TreeMap<>();
      perSubtask.forEach((index, accumulators) -> {
        List<JobAccumulators.Value> values = new ArrayList<>();
        accumulators.forEach((name, accumulator) -> {
          values.add(value(name, accumulator));
          merge(vertex, vertexConflicts, name, accumulator);
          merge(job, jobConflicts, name, accumulator);
        });
        subtasks.computeIfAbsent(vertexId, v -> new TreeMap<>()).put(index, values);
      });
      byVertex.put(vertexId, values(vertex, vertexConflicts));
    });
    unreadable.forEach((vertexId, perSubtask) ->
        subtasks.computeIfAbsent(vertexId, v -> new TreeMap<>()).putAll(perSubtask));
    return new JobAccumulators(values(job, jobConflicts), byVertex, subtasks);
  }

  /** Merges a copy of {@code accumulator} into {@code into}, leaving the subtask's own value alone. */
  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Accumulator<Object, Serializable>> into, Map<String, String> conflicts,
      String name, Accumulator<?, ?> accumulator) {
    Accumulator<Object, Serializable> local = (Accumulator<Object, Serializable>) accumulator;
    Accumulator<Object, Serializable> total = into.get(name);
    if (total == null) {
      into.put(name, local.clone());
    } else if (total.getClass() != local.getClass()) {
      conflicts.put(name, "registered as both " + total.getClass().getSimpleName() + " and "
          + local.getClass().getSimpleName() + ", which do not merge");
    } else {
      total.merge(local);
    }
  }

  private static List<JobAccumulators.Value> values(Map<String, Accumulator<Object, Serializable>> merged,
      Map<String, String> conflicts) {
    List<JobAccumulators.Value> values = new ArrayList<>();
    merged.forEach((name, accumulator) -> values.add(conflicts.containsKey(name)
        ? new JobAccumulators.Value(name, "conflict", conflicts.get(name)) : value(name, accumulator)));
    return values;
  }

  private static JobAccumulators.Value value(String name, Accumulator<?, ?> accumulator) {
    return new JobAccumulators.Value(name, accumulator.getClass().getSimpleName(),
        String.valueOf(accumulator.getLocalValue()));
  }
}
