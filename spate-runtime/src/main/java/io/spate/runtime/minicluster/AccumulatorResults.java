package io.spate.runtime.minicluster;

import io.spate.api.accumulators.Accumulator;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobID;
import io.spate.runtime.rpc.ClusterObjectFilter;
import io.spate.runtime.rpc.SerializedValue;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Merges the accumulators of a job's finished subtasks into the job's accumulator results, on the
 * client, which has the job's classes.
 */
final class AccumulatorResults {

  private AccumulatorResults() {}

  /**
   * The merged value of each accumulator of {@code perSubtask} (one map per finished subtask).
   *
   * @throws CompletionException with a {@link JobExecutionException} when a subtask's accumulators cannot
   *     be read, or two subtasks registered accumulators of different kinds under one name
   */
  static Map<String, Object> merge(String jobName, JobID jobId,
      List<SerializedValue<Map<String, Accumulator<?, ?>>>> perSubtask, ClassLoader userClassLoader) {
    Map<String, Accumulator<Object, Serializable>> merged = new LinkedHashMap<>();
    for (SerializedValue<Map<String, Accumulator<?, ?>>> serialized : perSubtask) {
      Map<String, Accumulator<?, ?>> accumulators;
      try {
        accumulators = serialized.deserialize(userClassLoader,
            ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE).withUserClassLoader(userClassLoader));
      } catch (IOException | ClassNotFoundException | RuntimeException e) {
        throw failure(jobName, jobId, "its accumulators cannot be read: " + e, e);
      }
      for (Map.Entry<String, Accumulator<?, ?>> entry : accumulators.entrySet()) {
        @SuppressWarnings("unchecked")
        Accumulator<Object, Serializable> local = (Accumulator<Object, Serializable>) entry.getValue();
        Accumulator<Object, Serializable> total = merged.get(entry.getKey());
        if (total == null) {
          merged.put(entry.getKey(), local);
        } else if (total.getClass() != local.getClass()) {
          throw failure(jobName, jobId, "its subtasks registered the accumulator '" + entry.getKey()
              + "' as both " + total.getClass().getName() + " and " + local.getClass().getName()
              + ", which do not merge", null);
        } else {
          total.merge(local);
        }
      }
    }
    Map<String, Object> results = new LinkedHashMap<>();
    merged.forEach((name, accumulator) -> results.put(name, accumulator.getLocalValue()));
    return results;
  }

  private static CompletionException failure(String jobName, JobID jobId, String reason, Throwable cause) {
    return new CompletionException(new JobExecutionException(jobId,
        "Job '" + jobName + "' (" + jobId + ") finished, but " + reason + ".", cause));
  }
}
