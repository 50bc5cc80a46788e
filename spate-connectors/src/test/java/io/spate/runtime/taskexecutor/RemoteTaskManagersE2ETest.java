package io.spate.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.rpc.remote.GrpcRpcService;
import io.spate.runtime.testing.KeyedSumsJob;
import io.spate.runtime.testing.RecoveryAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.rpc.RpcAuthenticationException;
import io.spate.runtime.security.ClusterSecret;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JobManager's roles and two TaskManagers, each with an RPC server of its own (gRPC on loopback)
 * and a network data plane, as three processes would have: the TaskManagers register with the
 * ResourceManager by its remote address, the JobMaster deploys to them over gRPC, and the job's
 * results, also across a failure, are those it gives in one process.
 */
class RemoteTaskManagersE2ETest {

  private static Configuration loopback() {
    Configuration conf = new Configuration();
    conf.setString("rpc.bind-host", "127.0.0.1");
    conf.setString("rpc.port", "0");
    return conf;
  }

  private static MiniCluster jobManagerWithoutTaskExecutors() {
    return jobManagerWithoutTaskExecutors(loopback());
  }

  private static MiniCluster jobManagerWithoutTaskExecutors(Configuration conf) {
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(0, 1, 1, 16, 256), null, () -> {
      try {
        return GrpcRpcService.start(conf);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    cluster.start();
    return cluster;
  }

  @Test
  void aJobRunsOnTaskManagersThatRegisteredOverTheNetwork() throws Exception {
    try (MiniCluster jobManager = jobManagerWithoutTaskExecutors();
        TaskManagerRunner first = TaskManagerRunner.start(loopback(), jobManager.resourceManagerAddress(), 1);
        TaskManagerRunner second = TaskManagerRunner.start(loopback(), jobManager.resourceManagerAddress(), 1)) {
      first.registration().get(30, TimeUnit.SECONDS);
      second.registration().get(30, TimeUnit.SECONDS);
      List<RegisteredTaskExecutor> registered = jobManager.resourceManagerGateway().requestTaskExecutors()
          .get(10, TimeUnit.SECONDS);
      assertThat(registered).extracting(RegisteredTaskExecutor::address)
          .containsExactlyInAnyOrder(first.taskExecutor().externalAddress(), second.taskExecutor().externalAddress())
          .allMatch(address -> address.startsWith("127.0.0.1:"));

      KeyedSumsJob.run(jobManager, "remote-clean", false, false);
      JobResult faulty = KeyedSumsJob.run(jobManager, "remote-faulty", true, true);

      RecoveryAssertions.assertEveryRestartRestoredACheckpoint(faulty,
          KeyedSumsJob.checkpointBeforeFailure("remote-faulty"));
      // Each TaskManager ran one subtask of every task: the rebalance and keyBy channels between them crossed.
      assertThat(first.taskExecutor().networkChannelEnds()).isGreaterThanOrEqualTo(4);
      assertThat(second.taskExecutor().networkChannelEnds()).isGreaterThanOrEqualTo(4);
    }
    assertThat(KeyedSumsJob.results("remote-clean")).isEqualTo(KeyedSumsJob.expectedSums());
    assertThat(KeyedSumsJob.results("remote-faulty")).isEqualTo(KeyedSumsJob.expectedSums());
  }

  @Test
  void aTaskManagerWithoutTheClusterSecretOrWithAnotherCannotRegisterAndSaysWhy(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("cluster.secret");
    Path other = dir.resolve("other.secret");
    ClusterSecret.writeNew(secret);
    ClusterSecret.writeNew(other);
    try (MiniCluster jobManager = jobManagerWithoutTaskExecutors(withSecret(secret))) {
      for (Configuration stranger : List.of(loopback(), withSecret(other))) {
        try (TaskManagerRunner taskManager = TaskManagerRunner.start(stranger, jobManager.resourceManagerAddress(), 1)) {
          assertThatThrownBy(() -> taskManager.registration().get(30, TimeUnit.SECONDS))
              .isInstanceOf(ExecutionException.class)
              .satisfies(e -> assertThat(RpcAuthenticationException.isCauseOf(e)).as("%s", e).isTrue())
              .hasMessageContaining("uthentication");
        }
      }
      try (TaskManagerRunner member = TaskManagerRunner.start(withSecret(secret), jobManager.resourceManagerAddress(),
          1)) {
        member.registration().get(30, TimeUnit.SECONDS);
        assertThat(jobManager.resourceManagerGateway().requestTaskExecutors().get(10, TimeUnit.SECONDS))
            .extracting(RegisteredTaskExecutor::address).containsExactly(member.taskExecutor().externalAddress());
      }
    }
  }

  private static Configuration withSecret(Path file) {
    return loopback().set(SecurityOptions.INTERNAL_SECRET_FILE, file.toString());
  }

  @Test
  void aTaskManagerWithoutSlotsOrWithABadAddressDoesNotStart() {
    assertThatThrownBy(() -> TaskManagerRunner.start(loopback(), "127.0.0.1:6123/resourcemanager", 0))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("at least one slot");
    assertThatThrownBy(() -> TaskManagerRunner.start(loopback(), "resourcemanager", 1))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("resourcemanager");
  }
}
