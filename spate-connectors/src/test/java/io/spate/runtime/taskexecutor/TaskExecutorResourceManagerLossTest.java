package io.spate.runtime.taskexecutor;

import io.spate.runtime.taskexecutor.gateway.TaskExecutorGateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobStatus;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.jobmaster.JobMaster;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.runtime.resourcemanager.ResourceManager;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import io.spate.runtime.rpc.LocalRpcService;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A TaskExecutor that stops hearing from its ResourceManager cancels its tasks, and registers again,
 * with all its slots free, once a ResourceManager is back at the address.
 */
class TaskExecutorResourceManagerLossTest {

  private static final HeartbeatSettings HEARTBEAT = new HeartbeatSettings(50, 500);
  private static final long WAIT_MILLIS = 20_000;
  private static final Duration WAIT = Duration.ofMillis(WAIT_MILLIS);
  // Not the ResourceManager's address, so that asking for a report is not taken for its heartbeat.
  private static final String PROBE = "test-probe";

  private final LocalRpcService rpcService = new LocalRpcService();
  private ResourceManager resourceManager;
  private TaskExecutor taskExecutor;
  private JobMaster jobMaster;

  @AfterEach
  void stopRoles() {
    if (jobMaster != null) {
      jobMaster.close();
    }
    taskExecutor.close();
    resourceManager.close();
    rpcService.close();
  }

  @Test
  void whenTheResourceManagerGoesAwayItsTasksAreCancelledAndItRegistersWithTheNextOne() throws Exception {
    resourceManager = new ResourceManager(rpcService, "resourcemanager", HEARTBEAT);
    taskExecutor = new TaskExecutor(rpcService, "taskexecutor-0", 2, 1, new LocalShuffleEnvironment(16, 64));
    taskExecutor.registerAt("resourcemanager", HEARTBEAT).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    TaskExecutorGateway gateway = rpcService.connect("taskexecutor-0", TaskExecutorGateway.class).get();

    CompletableFuture<JobResult> result = new CompletableFuture<>();
    jobMaster = new JobMaster(rpcService, "jobmaster-0", endlessJob(), "resourcemanager", result::complete);
    jobMaster.start();
    Await.until(WAIT, "the job's two subtasks run", () -> gateway.heartbeatFromResourceManager(PROBE).get().runningTasks() == 2);
    assertThat(gateway.heartbeatFromResourceManager(PROBE).get().registered()).as("registered with the probe").isFalse();

    resourceManager.close();

    Await.until(WAIT, "the tasks are cancelled", () -> gateway.heartbeatFromResourceManager(PROBE).get().runningTasks() == 0);
    JobResult ended = result.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
    assertThat(ended.failure()).hasMessageContaining("was cancelled unexpectedly");

    resourceManager = new ResourceManager(rpcService, "resourcemanager", HEARTBEAT);
    ResourceManagerGateway rm = rpcService.connect("resourcemanager", ResourceManagerGateway.class).get();
    Await.until(WAIT, "it registers with the new ResourceManager", () -> rm.requestTaskExecutors().get().size() == 1);
    List<RegisteredTaskExecutor> registered = rm.requestTaskExecutors().get();
    assertThat(registered.get(0).address()).isEqualTo("taskexecutor-0");
    assertThat(registered.get(0).freeSlots()).isEqualTo(2);
    Await.until(WAIT, "it answers the new ResourceManager's heartbeats as registered",
        () -> gateway.heartbeatFromResourceManager("resourcemanager").get().registered());
  }

  @Test
  void droppedByItsResourceManagerItCancelsItsTasksAndRegistersAgainAtOnce() throws Exception {
    // A heartbeat timeout far longer than the test: only the ResourceManager's notice can act in time.
    HeartbeatSettings patient = new HeartbeatSettings(50, 600_000);
    resourceManager = new ResourceManager(rpcService, "resourcemanager", patient);
    taskExecutor = new TaskExecutor(rpcService, "taskexecutor-0", 2, 1, new LocalShuffleEnvironment(16, 64));
    taskExecutor.registerAt("resourcemanager", patient).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    TaskExecutorGateway gateway = rpcService.connect("taskexecutor-0", TaskExecutorGateway.class).get();
    ResourceManagerGateway rm = rpcService.connect("resourcemanager", ResourceManagerGateway.class).get();
    long firstRegistration = rm.requestTaskExecutors().get().get(0).registeredAt();

    CompletableFuture<JobResult> result = new CompletableFuture<>();
    jobMaster = new JobMaster(rpcService, "jobmaster-0", endlessJob(), "resourcemanager", result::complete);
    jobMaster.start();
    Await.until(WAIT, "the job's two subtasks run", () -> gateway.heartbeatFromResourceManager(PROBE).get().runningTasks() == 2);

    gateway.disconnectResourceManager("another-resourcemanager", "ignored: not the one it registered with");
    gateway.disconnectResourceManager("resourcemanager", "it missed its heartbeats");

    Await.until(WAIT, "the tasks are cancelled", () -> gateway.heartbeatFromResourceManager(PROBE).get().runningTasks() == 0);
    // Its first registration was before the job started, milliseconds ago at least.
    Await.until(WAIT, "it registered again", () -> rm.requestTaskExecutors().get().get(0).registeredAt() > firstRegistration);
    assertThat(result.get(WAIT_MILLIS, TimeUnit.MILLISECONDS).status()).isEqualTo(JobStatus.FAILED);
  }

  private static JobGraph endlessJob() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
        WatermarkStrategy.noWatermarks(), "endless").discard();
    return JobGraphGenerator.generate(env.getStreamGraph("endless"));
  }
}
