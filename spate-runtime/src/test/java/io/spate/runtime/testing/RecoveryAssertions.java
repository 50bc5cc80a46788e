package io.spate.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.runtime.jobmaster.JobResult;

/**
 * Checks that a job's recoveries started from a checkpoint rather than from scratch: an exactly-once
 * output compared with a failure-free run's proves little if the job simply ran again from its start.
 */
public final class RecoveryAssertions {

  private RecoveryAssertions() {}

  /**
   * Asserts that the job restarted, that every restart restored a checkpoint (not a savepoint), and
   * that the latest restored one is at least checkpoint {@code completedBeforeFailure}, which a
   * subtask heard had completed before the injected failure.
   */
  public static void assertEveryRestartRestoredACheckpoint(JobResult result, long completedBeforeFailure) {
    assertEveryRestartRestoredACheckpoint(result.counters().get(JobResult.RESTARTS), result.latestRestore(),
        completedBeforeFailure);
  }

  /** As {@link #assertEveryRestartRestoredACheckpoint(JobResult, long)}, from the restarts and the latest restore. */
  public static void assertEveryRestartRestoredACheckpoint(Long restarts, RestoredCheckpoint latestRestore,
      long completedBeforeFailure) {
    assertThat(completedBeforeFailure).as("a checkpoint completed before the injected failure").isPositive();
    assertThat(restarts).as("restarts").isNotNull().isPositive();
    assertThat(latestRestore).as("the latest restore (none: every restart began from scratch)").isNotNull();
    assertThat(latestRestore.savepoint()).as("restored a savepoint").isFalse();
    assertThat(latestRestore.checkpointId()).as("restored checkpoint").isGreaterThanOrEqualTo(completedBeforeFailure);
    assertThat(latestRestore.restoreCount()).as("restores from a checkpoint, one per restart").isEqualTo(restarts);
  }
}
