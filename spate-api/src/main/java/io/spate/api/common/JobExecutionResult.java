package io.spate.api.common;

import io.spate.api.annotation.Public;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The result of a job that ended: its id, net runtime, and the final values of its counters.
 *
 * @param jobId the job
 * @param netRuntime the time from start to end of execution
 * @param counters named totals, such as {@code numRecordsIn}
 */
@Public
public record JobExecutionResult(JobID jobId, Duration netRuntime, Map<String, Long> counters) {

  /** Creates the result; the counters are copied. */
  public JobExecutionResult {
    counters = Map.copyOf(counters);
  }

  /** The net runtime in milliseconds. */
  public long getNetRuntime() {
    return netRuntime.toMillis();
  }

  /** The job's id. */
  public JobID getJobID() {
    return jobId;
  }

  // ---------------------------------------------------------------- Flink's members

  /** The result of job {@code jobId} that ran {@code netRuntimeMillis} milliseconds, with its counters. */
  public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Long> counters) {
    this(jobId, Duration.ofMillis(netRuntimeMillis), counters);
  }

  /** The net runtime in {@code unit}, rounded down. */
  public long getNetRuntime(TimeUnit unit) {
    return unit.convert(netRuntime);
  }

  /** True: the job has ended (Flink's detached submissions give a result that is not yet one). */
  public boolean isJobExecutionResult() {
    return true;
  }

  /** This result. */
  public JobExecutionResult getJobExecutionResult() {
    return this;
  }
}
