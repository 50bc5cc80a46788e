package io.spate.runtime.state;

import io.spate.runtime.operators.HeapTimerQueue;
import io.spate.runtime.operators.TimerQueue;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.KeyedStateHandle;

import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The keyed state of one operator's parallel instance: states by name, each holding a value per
 * key and namespace, for the key groups this instance owns.
 *
 * @param <K> the key type
 */
public interface KeyedStateBackend<K> {

  /** Makes {@code key} the current key of every state of this backend. */
  void setCurrentKey(K key);

  /** The current key. */
  K getCurrentKey();

  /** The key group of the current key. */
  int getCurrentKeyGroup();

  /** The key groups this backend holds. */
  KeyGroupRange getKeyGroupRange();

  /**
   * The state described by {@code descriptor}, created on first use; the returned object is also an
   * {@link InternalKvState} whose namespace the caller sets.
   *
   * @throws IllegalStateException if the name was registered before as another kind of state
   */
  <S extends State> S getOrCreateState(StateDescriptor<S, ?> descriptor);

  /** The state described by {@code descriptor}, pointed at {@code namespace}. */
  default <N, S extends State> S getPartitionedState(N namespace, StateDescriptor<S, ?> descriptor) {
    S state = getOrCreateState(descriptor);
    @SuppressWarnings("unchecked")
    InternalKvState<N> kv = (InternalKvState<N>) state;
    kv.setCurrentNamespace(namespace);
    return state;
  }

  /** The keys that have a value in state {@code stateName} under {@code namespace}. */
  <N> Stream<K> getKeys(String stateName, N namespace);

  /**
   * Calls {@code function} with each key that has a value of the state under {@code namespace},
   * with that key current and the state pointed at {@code namespace}. The function may change or
   * clear the state.
   */
  <N, S extends State> void applyToAllKeys(
      N namespace, StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function) throws Exception;

  /** Receives each key and its state in {@link #applyToAllKeys}. */
  @FunctionalInterface
  interface KeyedStateFunction<K, S extends State> {
    /** Processes the state of {@code key}. */
    void process(K key, S state) throws Exception;
  }

  /** Calls {@code consumer} with the name and number of entries of each state, for metrics and tests. */
  void forEachStateSize(BiConsumer<String, Long> consumer);

  /**
   * The synchronous part of a snapshot of all state (and timers) for checkpoint {@code checkpointId}
   * in the canonical key-group format ({@link io.spate.runtime.state.snapshot.KeyGroupsStateHandle}),
   * or, where the backend is configured for it and {@code streams} has a shared scope (checkpoints in
   * files, never savepoints), an incremental snapshot; called on the task's thread between records. The returned part writes it on another thread while
   * the task goes on and the state changes.
   */
  default AsyncSnapshot<KeyedStateHandle> snapshot(long checkpointId, CheckpointStreamFactory streams)
      throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot take snapshots");
  }

  /**
   * Includes the timers of the timer service {@code name} in this backend's snapshots and sets in it
   * the restored timers of that name (those of this instance's key groups).
   */
  default void registerTimers(String name, SnapshottableTimers timers) {}

  /**
   * A new queue for the timers of timer service {@code name} in event time or in processing time;
   * on the heap unless the backend keeps timers itself. Register the service with {@link
   * #registerTimers} afterwards, so that restored timers go into its queues.
   */
  default TimerQueue createTimerQueue(String name, boolean eventTime) {
    return new HeapTimerQueue();
  }

  /**
   * Checkpoint {@code checkpointId} completed: snapshots taken from now on may reference what it
   * stored (incremental checkpoints). Called on the task's thread.
   */
  default void notifyCheckpointComplete(long checkpointId) {}

  /** Checkpoint {@code checkpointId} was aborted: nothing may reference what its snapshot stored. */
  default void notifyCheckpointAborted(long checkpointId) {}

  /**
   * Releases everything the backend holds (native memory, files); called once when its operator
   * closes, whether the job finished, failed or was cancelled. The backend is unusable afterwards.
   */
  default void dispose() {}
}
