package io.spate.runtime.tasks;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.TaskRestore;
import io.spate.runtime.network.ChannelFailure;
import io.spate.runtime.network.InputGate;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import java.util.List;

/**
 * The in-flight records of a task's input channels for unaligned checkpoints: records (serializes) the
 * records that cross a snapshot, whether the task reads them or they still wait in a channel, groups
 * them per operator input for writing, and replays them into the head operator on restore.
 */
final class UnalignedChannelState {

  private final InputGate gate;
  private final ChannelStateCodec codec;
  private final BarrierAligner barriers;
  private final int[] inputIndexOfChannel;

  UnalignedChannelState(InputGate gate, ChannelStateCodec codec, BarrierAligner barriers) {
    this.gate = gate;
    this.codec = codec;
    this.barriers = barriers;
    this.inputIndexOfChannel = new int[gate.numberOfChannels()];
    for (int c = 0; c < inputIndexOfChannel.length; c++) {
      inputIndexOfChannel[c] = gate.inputIndexOf(c);
    }
  }

  /** Records the records of {@code batch} from {@code from} on, element {@code index} of channel {@code c}. */
  void record(int c, long index, RecordBatch batch, int from) {
    ChannelStateCodec.Chunk chunk = serialize(c, batch, from);
    if (chunk != null) {
      barriers.recordAt(c, index, chunk);
    }
  }

  /**
   * Records the in-flight elements waiting in the channels without reading them, so that the
   * checkpoint completes once the barriers' positions are reached rather than once the task has
   * worked through everything queued before them.
   */
  void recordWaiting() throws Exception {
    for (int c = 0; c < gate.numberOfChannels(); c++) {
      LocalChannel channel = gate.channel(c);
      long index;
      while ((index = barriers.nextToPeek(c)) >= 0) {
        Object element = channel.peek(index - barriers.position(c));
        if (element == null || element instanceof CheckpointBarrier || element == StreamElements.END_OF_PARTITION
            || element instanceof ChannelFailure) {
          break; // not there yet, or a barrier or end that reading the channel handles
        }
        Object payload = null;
        if (element instanceof RecordBatch batch) {
          payload = serialize(c, batch, 0);
          if (payload == null) {
            return;
          }
        }
        barriers.peeked(c, index, payload);
      }
    }
  }

  /** The records the aligner collected per channel ({@code recorded.get(c)}), grouped by operator input. */
  List<ChannelStateCodec.InputRecords> byInput(List<List<Object>> recorded) {
    return ChannelStateCodec.byInput(recorded, inputIndexOfChannel);
  }

  /**
   * Hands the in-flight records that {@code restore} holds for the head operator ({@code headId},
   * named {@code headName}) to {@code head}, input by input in the order they were recorded; does
   * nothing without a restore.
   */
  void replay(TaskRestore restore, String headId, String headName, ChannelStateCodec.RecordConsumer head)
      throws Exception {
    if (restore == null) {
      return;
    }
    List<InputChannelStateHandle> handles = restore.stateOf(headId).inputChannelState();
    for (InputChannelStateHandle handle : handles) {
      String where = "input " + handle.inputIndex() + " of operator '" + headName + "' in checkpoint "
          + restore.checkpointId();
      ChannelStateCodec.replay(handle, codec.serializerOfInput(handle.inputIndex(), inputIndexOfChannel), head, where);
    }
  }

  /** The records of {@code batch} from {@code from} on, or null after giving up the checkpoint. */
  private ChannelStateCodec.Chunk serialize(int c, RecordBatch batch, int from) {
    String problem = codec.problem(c);
    if (problem != null) {
      barriers.giveUp(problem);
      return null;
    }
    try {
      return codec.serialize(c, batch, from);
    } catch (Exception e) {
      barriers.giveUp("cannot serialize an in-flight record of edge " + codec.edgeName(c) + ": " + e);
      return null;
    }
  }
}
