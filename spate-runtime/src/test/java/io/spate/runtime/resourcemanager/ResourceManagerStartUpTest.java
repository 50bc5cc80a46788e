package io.spate.runtime.resourcemanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.network.LocalShuffleEnvironment;
import io.spate.runtime.rpc.LocalRpcService;
import io.spate.runtime.taskexecutor.TaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While a ResourceManager starts up (a new leader whose TaskManagers are still finding it), a request for
 * more slots than are registered waits for TaskExecutors to register; after start-up it fails at once.
 */
class ResourceManagerStartUpTest {

  private static final HeartbeatSettings HEARTBEAT = new HeartbeatSettings(50, 5_000);
  private static final long WAIT_SECONDS = 20;

  private LocalRpcService rpcService;
  private ResourceManager resourceManager;
  private ResourceManagerGateway gateway;
  private TaskExecutor taskExecutor;

  @BeforeEach
  void startRoles() throws Exception {
    rpcService = new LocalRpcService();
    resourceManager = new ResourceManager(rpcService, "resourcemanager", HEARTBEAT);
    gateway = rpcService.connect("resourcemanager", ResourceManagerGateway.class).get();
    taskExecutor = new TaskExecutor(rpcService, "taskexecutor-1", 2, 1, new LocalShuffleEnvironment(16, 64));
  }

  @AfterEach
  void stopRoles() {
    taskExecutor.close();
    resourceManager.close();
    rpcService.close();
  }

  @Test
  void aRequestDuringStartUpIsServedOnceTaskExecutorsRegister() throws Exception {
    resourceManager.awaitTaskExecutorsAtStartUp(Duration.ofMinutes(5));
    CompletableFuture<List<SlotOffer>> request = gateway.requestSlots(JobID.generate(), "jobmaster-1", 2);
    assertThat(gateway.freeSlots().get()).isZero(); // answered after the request: it was queued, not failed
    assertThat(request).isNotDone();

    taskExecutor.registerAt("resourcemanager", HEARTBEAT).get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(request.get(WAIT_SECONDS, TimeUnit.SECONDS)).extracting(SlotOffer::taskExecutorAddress)
        .containsExactly("taskexecutor-1", "taskexecutor-1");
  }

  @Test
  void aRequestTooLargeForWhatRegisteredDuringStartUpFailsWhenStartUpEnds() throws Exception {
    // Asked at once, and the TaskExecutor registers at once: both well within the start-up time, so the
    // request waits, and fails only when start-up ends with too few slots.
    resourceManager.awaitTaskExecutorsAtStartUp(Duration.ofSeconds(2));
    CompletableFuture<List<SlotOffer>> request = gateway.requestSlots(JobID.generate(), "jobmaster-1", 3);
    taskExecutor.registerAt("resourcemanager", HEARTBEAT).get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThatThrownBy(() -> request.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(NotEnoughResourcesException.class)
        .hasMessageContaining("needs 3 task slots").hasMessageContaining("resourcemanager.start-up-time")
        .hasMessageContaining("have 2");
  }

  @Test
  void withoutStartUpTimeATooLargeRequestFailsAtOnce() throws Exception {
    taskExecutor.registerAt("resourcemanager", HEARTBEAT).get(WAIT_SECONDS, TimeUnit.SECONDS);
    CompletableFuture<List<SlotOffer>> request = gateway.requestSlots(JobID.generate(), "jobmaster-1", 3);
    assertThat(gateway.freeSlots().get()).isEqualTo(2); // answered after the request, which was refused before
    assertThat(request).isCompletedExceptionally();
    assertThatThrownBy(request::get).cause().isInstanceOf(NotEnoughResourcesException.class)
        .hasMessageContaining("2 free of 2");
  }
}
