package io.spate.runtime.jobmaster.failover;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a job does about one failure, as {@link ExecutionFailureHandler} decided it.
 *
 * @param action what happens to the job
 * @param regions the pipelined regions that restart on their own, by index in ascending order; empty
 *     unless {@code action} is {@link Action#RESTART_REGIONS}
 * @param restartNumber how many restarts the job has made with this one; 0 unless it restarts
 */
public record FailureHandlingResult(Action action, Set<Integer> regions, int restartNumber) {

  /** What happens to the job. */
  public enum Action {
    /** The restart strategy allows no more restarts: the job fails. */
    FAIL_JOB,
    /** Every failed subtask's region was already restarting: the failure is part of that restart. */
    PART_OF_RESTART,
    /** Only the failed subtasks' pipelined regions restart; the rest of the job runs on. */
    RESTART_REGIONS,
    /** The whole job restarts. */
    RESTART_JOB
  }

  public FailureHandlingResult {
    regions = Collections.unmodifiableSet(new TreeSet<>(regions));
  }
}
