package io.spate.api.common;

import io.spate.api.annotation.Public;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The result of a job that ended: its id, net runtime, the final values of its counters, and the
 * results of its accumulators, merged over all subtasks.
 *
 * @param jobId the job
 * @param netRuntime the time from start to end of execution
 * @param counters named totals, such as {@code numRecordsIn}
 * @param accumulatorResults the merged value of each accumulator the job's functions registered, by name
 */
@Public
public record JobExecutionResult(
    JobID jobId, Duration netRuntime, Map<String, Long> counters, Map<String, Object> accumulatorResults) {

  /** Creates the result; the maps are copied. */
  public JobExecutionResult {
    counters = Map.copyOf(counters);
    accumulatorResults = Collections.unmodifiableMap(new LinkedHashMap<>(accumulatorResults));
  }

  /** A result without accumulators. */
  public JobExecutionResult(JobID jobId, Duration netRuntime, Map<String, Long> counters) {
    this(jobId, netRuntime, counters, Map.of());
  }

  /** A result of {@code netRuntimeMillis} milliseconds with the given accumulator results and no counters. */
  @SuppressWarnings("unchecked")
  public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, ?> accumulatorResults) {
    this(jobId, Duration.ofMillis(netRuntimeMillis), Map.of(), (Map<String, Object>) accumulatorResults);
  }

  /** The net runtime in milliseconds. */
  public long getNetRuntime() {
    return netRuntime.toMillis();
  }

  /** The job's id. */
  public JobID getJobID() {
    return jobId;
  }

  // ---------------------------------------------------------------- Flink's shape

  /** The net runtime in {@code unit}, rounded down. */
  public long getNetRuntime(TimeUnit unit) {
    return Objects.requireNonNull(unit, "unit").convert(netRuntime);
  }

  /**
   * The merged value of the accumulator {@code accumulatorName}, such as an Integer for an {@code
   * IntCounter}; null if the job registered none of that name.
   */
  @SuppressWarnings("unchecked")
  public <T> T getAccumulatorResult(String accumulatorName) {
    return (T) accumulatorResults.get(accumulatorName);
  }

  /** The merged value of every accumulator, by name. */
  public Map<String, Object> getAllAccumulatorResults() {
    return accumulatorResults;
  }

  /**
   * The value of the {@code IntCounter} {@code accumulatorName}, or null if there is none.
   *
   * @throws ClassCastException if that accumulator is not an IntCounter, naming it
   * @deprecated as in Flink: use {@link #getAccumulatorResult(String)}.
   */
  @Deprecated
  public Integer getIntCounterResult(String accumulatorName) {
    Object result = accumulatorResults.get(accumulatorName);
    if (result != null && !(result instanceof Integer)) {
      throw new ClassCastException("The accumulator '" + accumulatorName + "' holds a "
          + result.getClass().getName() + ", not the Integer of an IntCounter.");
    }
    return (Integer) result;
  }

  /** True: a job that ended has a result (Flink's submission results may not). */
  public boolean isJobExecutionResult() {
    return true;
  }

  /** This result. */
  public JobExecutionResult getJobExecutionResult() {
    return this;
  }
}
