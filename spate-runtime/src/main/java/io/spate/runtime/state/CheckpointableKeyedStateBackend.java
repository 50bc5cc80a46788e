package io.spate.runtime.state;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.timers.HeapTimerQueue;
import io.spate.runtime.timers.TimerQueue;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.KeyedStateHandle;

import io.spate.api.operators.state.KeyedStateBackend;
import java.util.function.BiConsumer;

/**
 * The runtime's side of an operator's keyed state: besides what the operator uses ({@link
 * KeyedStateBackend}), the key groups it holds, snapshots, timer queues and disposal.
 *
 * @param <K> the key type
 */
public interface CheckpointableKeyedStateBackend<K> extends KeyedStateBackend<K> {

  /** The key group of the current key. */
  int getCurrentKeyGroup();

  /** The key groups this backend holds. */
  KeyGroupRange getKeyGroupRange();

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
