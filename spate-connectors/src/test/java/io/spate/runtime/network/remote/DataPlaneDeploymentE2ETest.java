package io.spate.runtime.network.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.taskexecutor.DataPlaneSettings;
import io.spate.runtime.testing.KeyedSumsJob;
import io.spate.runtime.testing.RecoveryAssertions;
import org.junit.jupiter.api.Test;

/**
 * Jobs whose subtasks are spread over TaskExecutors with a network data plane each: the channels
 * between TaskExecutors go over loopback connections (serialized, credit-based), those inside one
 * stay in-process, and the results are those of the same job with in-process channels only,
 * including after a failure with unaligned checkpoints whose in-flight records crossed the network:
 * every record the job emitted, counted with its repeats, and the restart restored the checkpoint
 * completed before the failure.
 * The networked clusters also serialize every RPC message (deployments with their job graph,
 * checkpoint acknowledgements with state handles, failures), as between processes.
 */
class DataPlaneDeploymentE2ETest {

  private static MiniCluster twoTaskExecutors(boolean dataPlane) {
    MiniClusterConfiguration shape = new MiniClusterConfiguration(2, 2, 2, 16, 256);
    // With a data plane, RPC messages are serialized too: the closest one JVM gets to processes.
    MiniCluster cluster = new MiniCluster(shape, dataPlane ? DataPlaneSettings.loopback() : null, dataPlane);
    cluster.start();
    return cluster;
  }

  @Test
  void aKeyedJobAcrossTaskExecutorsGivesTheResultsOfInProcessChannels() throws Exception {
    try (MiniCluster inProcess = twoTaskExecutors(false)) {
      KeyedSumsJob.run(inProcess, "in-process", false, false);
      assertThat(inProcess.networkChannelEnds()).isZero();
    }
    try (MiniCluster network = twoTaskExecutors(true)) {
      KeyedSumsJob.run(network, "network", false, false);
      // Subtask 0 of every task runs on one TaskExecutor and subtask 1 on the other: the rebalance
      // and keyBy edges each have two channels that cross, counted at both ends.
      assertThat(network.networkChannelEnds()).isEqualTo(2 * 2 * 2);
    }
    assertThat(KeyedSumsJob.results("in-process")).isEqualTo(KeyedSumsJob.expectedSums());
    assertThat(KeyedSumsJob.results("network")).isEqualTo(KeyedSumsJob.expectedSums());
  }

  @Test
  void aFailureAfterUnalignedCheckpointsAcrossTheNetworkLeavesTheSumsOfAFailureFreeRun() throws Exception {
    try (MiniCluster network = twoTaskExecutors(true)) {
      JobResult faulty = KeyedSumsJob.run(network, "faulty-unaligned", true, true);
      RecoveryAssertions.assertEveryRestartRestoredACheckpoint(faulty,
          KeyedSumsJob.checkpointBeforeFailure("faulty-unaligned"));
      // The restart opened fresh channels: more than one attempt's worth crossed the network.
      assertThat(network.networkChannelEnds()).isGreaterThan(2 * 2 * 2);
    }
    assertThat(KeyedSumsJob.results("faulty-unaligned")).isEqualTo(KeyedSumsJob.expectedSums());
  }

  @Test
  void aFailureWithAlignedCheckpointsAcrossTheNetworkLeavesTheSumsOfAFailureFreeRun() throws Exception {
    try (MiniCluster network = twoTaskExecutors(true)) {
      JobResult faulty = KeyedSumsJob.run(network, "faulty-aligned", true, false);
      RecoveryAssertions.assertEveryRestartRestoredACheckpoint(faulty,
          KeyedSumsJob.checkpointBeforeFailure("faulty-aligned"));
    }
    assertThat(KeyedSumsJob.results("faulty-aligned")).isEqualTo(KeyedSumsJob.expectedSums());
  }
}
