package io.spate.runtime.tasks;

import io.spate.runtime.execution.ExecutionAttemptID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TaskInfo;
import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.StateSnapshotContext;
import io.spate.api.operators.StreamOperator;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.CheckpointResponder;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.checkpoint.TaskCheckpointMetrics;
import io.spate.runtime.checkpoint.storage.MemoryCheckpointStorage;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.RecordWriter;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.operators.StreamOperatorStateHandler;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A subtask's checkpoint: every operator prepares and snapshots in chain order, the snapshot is written
 * and acknowledged (an unaligned one only once its in-flight records are handed over), and a checkpoint
 * that cannot complete here is declined with a reason naming the task or operator.
 */
class SubtaskCheckpointCoordinatorTest {

  private static final String TASK = "T (1/1)";
  private static final ExecutionAttemptID ATTEMPT = new ExecutionAttemptID(JobID.generate(), 1, 0, 0);

  /** What the job's checkpoint coordinator would receive. */
  private static final class Responses implements CheckpointResponder {
    final List<Long> acknowledged = new ArrayList<>();
    final List<Map<String, OperatorSubtaskState>> states = new ArrayList<>();
    final List<TaskCheckpointMetrics> metrics = new ArrayList<>();
    final List<String> declined = new ArrayList<>();

    @Override
    public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
        Map<String, OperatorSubtaskState> operatorStates, TaskCheckpointMetrics metrics) {
      assertThat(attemptId).isEqualTo(ATTEMPT);
      acknowledged.add(checkpointId);
      states.add(operatorStates);
      this.metrics.add(metrics);
    }

    @Override
    public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, DeclineKind kind, String reason) {
      declined.add(checkpointId + " " + kind + ": " + reason);
    }
  }

  /** Logs the checkpoint calls it gets into a log shared by the chain. */
  private static final class Logging extends AbstractStreamOperator<Object> {
    final String name;
    final List<String> log;
    boolean failSnapshot;
    boolean failPreBarrier;

    Logging(String name, List<String> log) {
      this.name = name;
      this.log = log;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) {
      if (failPreBarrier) {
        throw new IllegalStateException("cannot flush");
      }
      log.add(name + " prepares " + checkpointId);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) {
      if (failSnapshot) {
        throw new IllegalStateException("state is inconsistent");
      }
      log.add(name + " snapshots " + context.getCheckpointId());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      log.add(name + " completes " + checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
      log.add(name + " aborts " + checkpointId);
    }
  }

  private final List<String> log = new ArrayList<>();
  private final Logging head = new Logging("Head", log);
  private final Logging tail = new Logging("Tail", log);
  private final Responses responses = new Responses();
  private final List<StreamOperatorStateHandler> states = new ArrayList<>();

  @AfterEach
  void disposeState() {
    states.forEach(StreamOperatorStateHandler::dispose);
  }

  private StreamOperatorStateHandler stateOf(String name) {
    Configuration conf = new Configuration();
    TaskInfo info = new TaskInfo(name, 0, 1, 128, 0);
    OperatorContext context = new OperatorContext(JobID.generate(), name, info, new ExecutionConfig(conf),
        RuntimeExecutionMode.STREAMING, new UnregisteredMetricsGroup(), getClass().getClassLoader(),
        new TaskProcessingTimeService(), 128, null, conf, OptionalLong.empty(), OperatorSubtaskState.EMPTY);
    StreamOperatorStateHandler state = new StreamOperatorStateHandler(context, false);
    states.add(state);
    return state;
  }

  /** A coordinator of the chain head -> tail that writes on the calling thread. */
  private SubtaskCheckpointCoordinator coordinator(boolean hasInputChannels) {
    List<StreamOperator<?>> operators = List.of(head, tail);
    return new SubtaskCheckpointCoordinator(operators, List.of(stateOf("Head"), stateOf("Tail")),
        List.of("head-id", "tail-id"), new TaskOutputs(new RecordWriter[0], operators),
        new MemoryCheckpointStorage(CheckpointSettings.from(new Configuration())), responses, ATTEMPT, TASK,
        Runnable::run, hasInputChannels);
  }

  private static CheckpointBarrier barrier(long id, boolean unaligned) {
    return new CheckpointBarrier(id, 1_000, new CheckpointOptions(CheckpointType.CHECKPOINT, true, unaligned, 0, null));
  }

  @Test
  void everyOperatorPreparesThenSnapshotsInChainOrderAndTheCheckpointIsAcknowledged() {
    coordinator(true).checkpoint(barrier(3, false), 5_000_000, false);

    assertThat(log).containsExactly("Head prepares 3", "Tail prepares 3", "Head snapshots 3", "Tail snapshots 3");
    assertThat(responses.declined).isEmpty();
    assertThat(responses.acknowledged).containsExactly(3L);
    assertThat(responses.metrics.get(0).alignmentMillis()).isEqualTo(5);
  }

  @Test
  void anUnalignedSnapshotIsAcknowledgedOnlyWithItsInFlightRecords() throws Exception {
    SubtaskCheckpointCoordinator checkpoints = coordinator(true);
    checkpoints.checkpoint(barrier(4, true), 0, true);

    assertThat(responses.acknowledged).as("waits for the records in flight").isEmpty();
    assertThat(checkpoints.awaitsChannelState(4)).isTrue();

    checkpoints.channelStateComplete(4, List.of(new ChannelStateCodec.InputRecords(0, List.of(chunkOf("a", "b")), 2)));

    assertThat(responses.acknowledged).containsExactly(4L);
    OperatorSubtaskState headState = responses.states.get(0).get("head-id");
    assertThat(headState.inputChannelState()).singleElement()
        .satisfies(handle -> assertThat(handle.count()).isEqualTo(2));
    assertThat(responses.metrics.get(0).persistedInFlightBytes()).isPositive();
    assertThat(checkpoints.awaitsChannelState(4)).isFalse();
    assertThat(checkpoints.snapshotsRunning(null)).isFalse();
  }

  @Test
  void aSourceTaskAcknowledgesAnUnalignedSnapshotAtOnce() {
    coordinator(false).checkpoint(barrier(5, true), 0, true);

    assertThat(responses.acknowledged).containsExactly(5L);
  }

  @Test
  void anAbandonedCheckpointIsDeclinedNamingTheTaskAndNothingWaitsForIt() {
    SubtaskCheckpointCoordinator checkpoints = coordinator(true);
    checkpoints.checkpoint(barrier(6, true), 0, true);

    checkpoints.abandon(6, DeclineKind.FAILED, "a newer barrier overtook it");

    assertThat(responses.declined).containsExactly("6 FAILED: task T (1/1): a newer barrier overtook it");
    assertThat(responses.acknowledged).isEmpty();
    assertThat(checkpoints.awaitsChannelState(6)).isFalse();
    assertThat(checkpoints.snapshotsRunning(null)).isFalse();
  }

  @Test
  void aFailingSnapshotDeclinesTheCheckpointNamingTheOperatorAndTheTaskGoesOn() {
    tail.failSnapshot = true;

    coordinator(true).checkpoint(barrier(7, false), 0, false);

    assertThat(responses.acknowledged).isEmpty();
    assertThat(responses.declined).singleElement().asString()
        .startsWith("7 FAILED: operator 'Tail' in task T (1/1) could not snapshot its state")
        .contains("state is inconsistent");
  }

  @Test
  void aFailingPreBarrierHookFailsTheTaskNamingTheOperator() {
    tail.failPreBarrier = true;

    assertThatThrownBy(() -> coordinator(true).checkpoint(barrier(8, false), 0, false))
        .isInstanceOfSatisfying(OperatorFailure.class, f -> assertThat(f.getOperatorName()).isEqualTo("Tail"))
        .hasRootCauseMessage("cannot flush");
  }

  @Test
  void aFinishedTaskStopsWaitingForInFlightRecordsItWillNotGet() {
    SubtaskCheckpointCoordinator checkpoints = coordinator(true);
    checkpoints.checkpoint(barrier(11, true), 0, true);

    List<String> wakes = new ArrayList<>();
    checkpoints.snapshotsRunning(() -> wakes.add("woken"));

    assertThat(checkpoints.awaitsChannelState(11)).isFalse();
    assertThat(wakes).as("the task is woken once nothing is left to wait for").containsExactly("woken");
    assertThat(checkpoints.snapshotsRunning(null)).as("the dropped snapshot no longer runs").isFalse();
    assertThat(responses.acknowledged).isEmpty();
  }

  @Test
  void completeAndAbortReachEveryOperatorAndAnAbortDropsTheSnapshotsWaitingUpToIt() {
    SubtaskCheckpointCoordinator checkpoints = coordinator(true);
    checkpoints.checkpoint(barrier(9, true), 0, true);
    checkpoints.checkpoint(barrier(10, true), 0, true);
    log.clear();

    checkpoints.notifyAborted(9);
    checkpoints.notifyComplete(10);

    assertThat(log).containsExactly("Head aborts 9", "Tail aborts 9", "Head completes 10", "Tail completes 10");
    assertThat(checkpoints.awaitsChannelState(9)).isFalse();
    assertThat(checkpoints.awaitsChannelState(10)).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static ChannelStateCodec.Chunk chunkOf(String... values) throws Exception {
    TypeSerializer<Object> strings = (TypeSerializer<Object>) (TypeSerializer<?>) Types.STRING.createSerializer();
    RecordBatch batch = new RecordBatch(values.length);
    for (String value : values) {
      batch.add(value, 1);
    }
    return new ChannelStateCodec(new TypeSerializer[] {strings}).serialize(0, batch, 0);
  }
}
