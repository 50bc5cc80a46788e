package io.spate.runtime.state.snapshot;

/**
 * The asynchronous parts of one operator instance's snapshot, left to write after its synchronous
 * part.
 *
 * @param keyedState writes the keyed state (with timers)
 * @param operatorState writes the operator state
 */
public record OperatorSnapshot(AsyncSnapshot<KeyedStateHandle> keyedState,
    AsyncSnapshot<OperatorStateHandle> operatorState) {

  /** An operator without state. */
  public static final OperatorSnapshot EMPTY = new OperatorSnapshot(AsyncSnapshot.empty(), AsyncSnapshot.empty());
}
