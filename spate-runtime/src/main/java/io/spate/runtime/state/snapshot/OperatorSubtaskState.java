package io.spate.runtime.state.snapshot;

import java.util.List;

/**
 * Everything one operator instance put into one checkpoint, or what it restores from: the
 * assignment after a rescale may hand an instance several handles of each kind.
 *
 * @param keyedState keyed state (with timers), possibly from several old instances
 * @param operatorState operator state (lists, union lists, broadcast maps)
 * @param inputChannelState records that were in flight on the input channels (unaligned checkpoints)
 */
public record OperatorSubtaskState(
    List<KeyedStateHandle> keyedState,
    List<OperatorStateHandle> operatorState,
    List<InputChannelStateHandle> inputChannelState) implements java.io.Serializable {

  /** No state. */
  public static final OperatorSubtaskState EMPTY = new OperatorSubtaskState(List.of(), List.of(), List.of());

  /** Copies the lists. */
  public OperatorSubtaskState {
    keyedState = List.copyOf(keyedState);
    operatorState = List.copyOf(operatorState);
    inputChannelState = List.copyOf(inputChannelState);
  }

  /** Whether there is no state at all. */
  public boolean isEmpty() {
    return keyedState.isEmpty() && operatorState.isEmpty() && inputChannelState.isEmpty();
  }

  /** The bytes this checkpoint wrote: the state size less what incremental snapshots only reference. */
  public long getCheckpointedSize() {
    long size = getStateSize();
    for (KeyedStateHandle h : keyedState) {
      size -= h.getStateSize() - h.getCheckpointedSize();
    }
    return size;
  }

  /** The size of all state in bytes. */
  public long getStateSize() {
    long size = 0;
    for (KeyedStateHandle h : keyedState) {
      size += h.getStateSize();
    }
    for (OperatorStateHandle h : operatorState) {
      size += h.getStateSize();
    }
    for (InputChannelStateHandle h : inputChannelState) {
      size += h.getStateSize();
    }
    return size;
  }
}
