package io.spate.runtime.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobID;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.rpc.LocalRpcService;
import io.spate.runtime.taskexecutor.TaskExecutor;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ResourceManager watches its TaskExecutors by heartbeats: one that stops answering is removed
 * with its slots, and the JobMasters holding slots there are told.
 */
class ResourceManagerHeartbeatTest {

  // Long enough that a heartbeat thread starved by a loaded machine does not lose a TaskExecutor that
  // a test keeps, short enough that the tests that close one see it lost quickly.
  private static final HeartbeatSettings HEARTBEAT = new HeartbeatSettings(50, 3_000);
  private static final long WAIT_SECONDS = 20;

  private LocalRpcService rpcService;
  private ResourceManager resourceManager;
  private ResourceManagerGateway gateway;
  private TaskExecutor first;
  private TaskExecutor second;
  private RecordingJobMaster jobMaster;

  @BeforeEach
  void startRoles() throws Exception {
    rpcService = new LocalRpcService();
    resourceManager = new ResourceManager(rpcService, "resourcemanager", HEARTBEAT);
    gateway = rpcService.connect("resourcemanager", ResourceManagerGateway.class).get();
    LocalShuffleEnvironment shuffle = new LocalShuffleEnvironment(16, 64);
    first = new TaskExecutor(rpcService, "taskexecutor-1", 2, 1, shuffle);
    second = new TaskExecutor(rpcService, "taskexecutor-2", 2, 1, shuffle);
    first.registerAt("resourcemanager", HEARTBEAT).get(WAIT_SECONDS, TimeUnit.SECONDS);
    second.registerAt("resourcemanager", HEARTBEAT).get(WAIT_SECONDS, TimeUnit.SECONDS);
    jobMaster = new RecordingJobMaster(rpcService, "jobmaster-1");
  }

  @AfterEach
  void stopRoles() {
    jobMaster.close();
    first.close();
    second.close();
    resourceManager.close();
    rpcService.close();
  }

  @Test
  void aTaskExecutorWhoseEndpointIsClosedIsLostWithItsSlotsAndTheJobMasterIsTold() throws Exception {
    JobID job = JobID.generate();
    List<SlotOffer> offers = gateway.requestSlots(job, "jobmaster-1", 2).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(offers).extracting(SlotOffer::taskExecutorAddress).containsExactly("taskexecutor-1", "taskexecutor-2");
    assertThat(gateway.freeSlots().get()).isEqualTo(2);

    second.close();

    RecordingJobMaster.Disconnect disconnect = jobMaster.disconnects.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(disconnect).as("the JobMaster was told").isNotNull();
    assertThat(disconnect.taskExecutorAddress()).isEqualTo("taskexecutor-2");
    assertThat(disconnect.reason()).isEqualTo("no heartbeat for 3000 ms");
    assertThat(gateway.requestTaskExecutors().get()).extracting(RegisteredTaskExecutor::address)
        .containsExactly("taskexecutor-1");
    assertThat(gateway.freeSlots().get()).as("the lost slots are gone, the held one on taskexecutor-1 stays held")
        .isEqualTo(1);
    assertThat(jobMaster.disconnects).as("told once").isEmpty();
  }

  @Test
  void aReportedTaskExecutorIsDroppedOnlyIfTheResourceManagerCannotReachItEither() throws Exception {
    // A heartbeat timeout far beyond the test: only the report can drop a TaskExecutor here.
    resourceManager.close();
    resourceManager = new ResourceManager(rpcService, "resourcemanager-2", new HeartbeatSettings(50, 600_000));
    ResourceManagerGateway patient = rpcService.connect("resourcemanager-2", ResourceManagerGateway.class).get();
    first.registerAt("resourcemanager-2", new HeartbeatSettings(50, 600_000)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    second.registerAt("resourcemanager-2", new HeartbeatSettings(50, 600_000)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    JobID job = JobID.generate();
    patient.requestSlots(job, "jobmaster-1", 2).get(WAIT_SECONDS, TimeUnit.SECONDS);

    patient.reportUnreachableTaskExecutor("taskexecutor-1", "a call timed out");
    second.close();
    patient.reportUnreachableTaskExecutor("taskexecutor-2", "cancelling a subtask there failed");

    RecordingJobMaster.Disconnect disconnect = jobMaster.disconnects.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(disconnect).as("the JobMaster was told").isNotNull();
    assertThat(disconnect.taskExecutorAddress()).isEqualTo("taskexecutor-2");
    assertThat(disconnect.reason()).contains("cancelling a subtask there failed").contains("nor could the ResourceManager");
    assertThat(patient.requestTaskExecutors().get()).as("the one that answered stays")
        .extracting(RegisteredTaskExecutor::address).containsExactly("taskexecutor-1");
  }

  @Test
  void aJobWithoutSlotsOnTheLostTaskExecutorIsNotTold() throws Exception {
    JobID job = JobID.generate();
    gateway.requestSlots(job, "jobmaster-1", 1).get(WAIT_SECONDS, TimeUnit.SECONDS); // on taskexecutor-1
    second.close();
    awaitRegistered(List.of("taskexecutor-1"));
    assertThat(jobMaster.disconnects).isEmpty();
  }

  @Test
  void registeringAgainFreesTheSlotsOfThatTaskExecutorOnlyAndTellsTheJobMaster() throws Exception {
    JobID job = JobID.generate();
    gateway.requestSlots(job, "jobmaster-1", 4).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(gateway.freeSlots().get()).isZero();

    gateway.registerTaskExecutor("taskexecutor-2", 2).get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(gateway.requestTaskExecutors().get()).extracting(RegisteredTaskExecutor::address)
        .containsExactly("taskexecutor-1", "taskexecutor-2");
    assertThat(gateway.freeSlots().get()).isEqualTo(2);
    RecordingJobMaster.Disconnect disconnect = jobMaster.disconnects.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(disconnect).isNotNull();
    assertThat(disconnect.taskExecutorAddress()).isEqualTo("taskexecutor-2");
    assertThat(disconnect.reason()).contains("registered again");
  }

  @Test
  void aJobThatAsksAgainGetsFreshSlotsInsteadOfMore() throws Exception {
    JobID job = JobID.generate();
    gateway.requestSlots(job, "jobmaster-1", 3).get(WAIT_SECONDS, TimeUnit.SECONDS);
    gateway.requestSlots(job, "jobmaster-1", 3).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(gateway.freeSlots().get()).isEqualTo(1);
  }

  private void awaitRegistered(List<String> expected) {
    Await.untilMatches(Duration.ofSeconds(WAIT_SECONDS), "registered TaskExecutors to become " + expected,
        () -> gateway.requestTaskExecutors().get().stream().map(RegisteredTaskExecutor::address).toList(),
        expected::equals);
  }
}
