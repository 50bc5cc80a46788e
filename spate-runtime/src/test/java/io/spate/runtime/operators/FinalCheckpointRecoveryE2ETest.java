package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.runtime.testing.RecoveryAssertions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A task fails after the two-phase sink of a bounded part of the job finished and committed: the
 * whole job restarts from a checkpoint taken with those tasks finished, and the sink's committed
 * output is that of a run without failure, every record once (before checkpoints went on after tasks
 * finished, the restart went back to a checkpoint from before the sink's end and committed it again).
 */
@Tag("fault-injection")
class FinalCheckpointRecoveryE2ETest {

  @Test
  void aFailureAfterTheSinkFinishedRestoresACheckpointWithItFinishedAndCommitsNothingTwice() throws Exception {
    String clean = "final-clean-" + System.nanoTime();
    String faulty = "final-faulty-" + System.nanoTime();
    RecordingCommitSink cleanSink = RecordingCommitSink.create(1);
    RecordingCommitSink faultySink = RecordingCommitSink.create(1);
    FinalCheckpointE2ETest.runUnbalanced(clean, cleanSink, false);
    JobClient faultyRun = FinalCheckpointE2ETest.runUnbalanced(faulty, faultySink, true);

    long heard = FinalCheckpointE2ETest.FAILED_AFTER.getOrDefault(faulty, 0L);
    RecoveryAssertions.assertEveryRestartRestoredACheckpoint(
        faultyRun.getJobExecutionResult().get().counters().get(JobResult.RESTARTS),
        ((ClusterJobClient) faultyRun).getLatestRestore().get(10, TimeUnit.SECONDS), heard);
    assertThat(FinalCheckpointE2ETest.multiset(cleanSink.committed()))
        .isEqualTo(FinalCheckpointE2ETest.multiset(FinalCheckpointE2ETest.expectedNames()));
    assertThat(FinalCheckpointE2ETest.multiset(faultySink.committed()))
        .isEqualTo(FinalCheckpointE2ETest.multiset(cleanSink.committed()));
  }
}
