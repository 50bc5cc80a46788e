package io.spate.api.configuration;

import io.spate.api.annotation.Internal;

/** Options of the JobMaster that runs a job: how it recovers the job's subtasks after a failure. */
@Internal
public final class JobManagerOptions {

  private JobManagerOptions() {}

  /** Which subtasks a failure restarts. */
  public enum FailoverStrategy {
    /** Only the pipelined regions (connected parts of the job graph) that hold the failed subtasks. */
    REGION,
    /** Every subtask of the job. */
    FULL
  }

  /** Which subtasks are restarted after a failure. */
  public static final ConfigOption<FailoverStrategy> EXECUTION_FAILOVER_STRATEGY =
      ConfigOption.key("jobmanager.execution.failover-strategy")
          .enumType(FailoverStrategy.class)
          .defaultValue(FailoverStrategy.REGION)
          .withDescription("Which subtasks a failure restarts: region restarts only the pipelined regions (parts of"
              + " the job graph joined by no edge to the rest) that hold the failed subtasks, full restarts every"
              + " subtask; a lost TaskExecutor restarts the regions that ran on it, on new slots. BATCH jobs and the"
              + " failure of a source's split enumerator always restart the whole job.");

  /** How long a job waits for task slots it cannot get yet. */
  public static final ConfigOption<java.time.Duration> SLOT_REQUEST_TIMEOUT =
      ConfigOption.key("slot.request.timeout")
          .durationType()
          .defaultValue(java.time.Duration.ofMinutes(5))
          .withDescription("How long a job waits for task slots that it cannot get yet. A restart that finds too"
              + " few slots after a TaskExecutor was lost waits this long for TaskExecutors to register or other"
              + " jobs to release slots, without using up restart attempts, and then fails the job naming the"
              + " slots it needed and found. A new job's request for slots that other jobs hold waits at the"
              + " ResourceManager for the default, 5 min.");
}
