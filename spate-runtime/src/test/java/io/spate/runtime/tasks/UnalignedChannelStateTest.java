package io.spate.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.checkpoint.TaskRestore;
import io.spate.runtime.network.InputGate;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-flight records of an unaligned checkpoint that still wait in the channels are recorded up to
 * each channel's barrier, grouped per operator input, and replay into the head as they were; a record
 * that cannot be serialized gives the checkpoint up with a reason naming the edge.
 */
class UnalignedChannelStateTest {

  private record Rec(int input, Object value, long timestamp) {}

  private static final CheckpointBarrier BARRIER =
      new CheckpointBarrier(7, 1, new CheckpointOptions(CheckpointType.CHECKPOINT, true, true, 0, null));

  /** Keeps what the aligner reports. */
  private static final class Target implements BarrierAligner.Target {
    final List<CheckpointBarrier> snapshots = new ArrayList<>();
    List<List<Object>> recorded;
    String abandoned;

    @Override
    public void onAligned(CheckpointBarrier barrier, long alignmentNanos) {
      snapshots.add(barrier);
    }

    @Override
    public void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) {
      snapshots.add(barrier);
    }

    @Override
    public void onChannelStateComplete(long checkpointId, List<List<Object>> recorded) {
      this.recorded = recorded;
    }

    @Override
    public void onAbandoned(long checkpointId, DeclineKind kind, String reason) {
      abandoned = reason;
    }
  }

  private LocalChannel first;
  private LocalChannel second;
  private Target target;
  private BarrierAligner barriers;
  private UnalignedChannelState state;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void twoChannelsOfTwoInputs() {
    first = new LocalChannel("first", 8);
    second = new LocalChannel("second", 8);
    InputGate gate = new InputGate(new LocalChannel[] {first, second}, new int[] {0, 1});
    TypeSerializer<Object> strings = (TypeSerializer<Object>) (TypeSerializer<?>) Types.STRING.createSerializer();
    target = new Target();
    barriers = new BarrierAligner(2, target);
    state = new UnalignedChannelState(gate, new ChannelStateCodec(new TypeSerializer[] {strings, strings}), barriers);
  }

  private static RecordBatch batch(Object... values) {
    RecordBatch batch = new RecordBatch(values.length);
    for (int i = 0; i < values.length; i++) {
      batch.add(values[i], 100 + i);
    }
    return batch;
  }

  @Test
  void recordsWhatWaitsBeforeEachBarrierAndReplaysItPerInput() throws Exception {
    first.offer(batch("a", "b"));
    first.offer(batch("c"));
    first.offer(batch("after the barrier"));
    second.offer(batch("x"));
    barriers.onPriorityBarrier(0, BARRIER, 2);
    barriers.onPriorityBarrier(1, BARRIER, 1);
    assertThat(target.snapshots).containsExactly(BARRIER);

    state.recordWaiting();

    assertThat(target.abandoned).isNull();
    assertThat(target.recorded).as("every channel recorded up to its barrier").isNotNull();
    List<ChannelStateCodec.InputRecords> byInput = state.byInput(target.recorded);
    assertThat(byInput).extracting(ChannelStateCodec.InputRecords::inputIndex).containsExactly(0, 1);
    assertThat(byInput).extracting(ChannelStateCodec.InputRecords::count).containsExactly(3L, 1L);

    List<InputChannelStateHandle> handles = new ArrayList<>();
    MemoryCheckpointStreamFactory streams = new MemoryCheckpointStreamFactory(Integer.MAX_VALUE);
    for (ChannelStateCodec.InputRecords records : byInput) {
      handles.add(ChannelStateCodec.write(records, streams));
    }
    TaskRestore restore = new TaskRestore(7, Map.of("head", new OperatorSubtaskState(List.of(), List.of(), handles)));
    List<Rec> replayed = new ArrayList<>();
    state.replay(restore, "head", "Head", (input, value, ts) -> replayed.add(new Rec(input, value, ts)));

    assertThat(replayed).containsExactly(
        new Rec(0, "a", 100), new Rec(0, "b", 101), new Rec(0, "c", 100), new Rec(1, "x", 100));
  }

  @Test
  void theRestOfAHeldBatchIsRecordedFromWhereTheHeadStopped() throws Exception {
    second.offer(batch("y"));
    barriers.onPriorityBarrier(1, BARRIER, 1);
    // The snapshot is taken: the batch channel 0 delivered last was taken up to its second record.
    state.record(0, barriers.position(0) - 1, batch("taken", "held 1", "held 2"), 1);
    barriers.onPriorityBarrier(0, BARRIER, 0);
    state.recordWaiting();

    assertThat(target.recorded).isNotNull();
    List<ChannelStateCodec.InputRecords> byInput = state.byInput(target.recorded);
    assertThat(byInput).extracting(ChannelStateCodec.InputRecords::inputIndex).containsExactly(0, 1);
    assertThat(byInput).extracting(ChannelStateCodec.InputRecords::count).containsExactly(2L, 1L);
  }

  @Test
  void aRecordThatCannotBeSerializedGivesTheCheckpointUpNamingTheEdge() throws Exception {
    first.offer(batch("fine", 42));
    barriers.onPriorityBarrier(0, BARRIER, 1);
    barriers.onPriorityBarrier(1, BARRIER, 0);

    state.recordWaiting();

    assertThat(target.recorded).isNull();
    assertThat(target.abandoned).contains("cannot serialize an in-flight record of edge (test)")
        .contains("ClassCastException");
  }

  @Test
  void replayWithoutRestoreHandsNothingOver() throws Exception {
    List<Rec> replayed = new ArrayList<>();
    state.replay(null, "head", "Head", (input, value, ts) -> replayed.add(new Rec(input, value, ts)));
    assertThat(replayed).isEmpty();
  }

  @Test
  void corruptRestoredRecordsNameTheOperatorInputAndCheckpoint() {
    InputChannelStateHandle corrupt = new InputChannelStateHandle(1, new ByteStreamStateHandle("corrupt", new byte[3]), 1);
    TaskRestore restore = new TaskRestore(9, Map.of("head", new OperatorSubtaskState(List.of(), List.of(),
        List.of(corrupt))));

    assertThatThrownBy(() -> state.replay(restore, "head", "Head", (input, value, ts) -> { }))
        .hasMessageContaining("input 1 of operator 'Head' in checkpoint 9");
  }
}
