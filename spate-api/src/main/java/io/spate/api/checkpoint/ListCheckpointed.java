package io.spate.api.checkpoint;

import io.spate.api.annotation.Public;
import java.io.Serializable;
import java.util.List;

/**
 * The older way for a legacy source or function to checkpoint its state as a list of serializable
 * items: the list is kept as operator list state (written with Java serialization), and when a job is
 * restored at another parallelism its items are dealt out among the new subtasks as the items of a
 * {@code ListState} are. {@link CheckpointedFunction} is the newer, more flexible interface; a function
 * implementing both is checkpointed through {@link CheckpointedFunction} only.
 *
 * @param <T> the type of the items
 */
@Public
public interface ListCheckpointed<T extends Serializable> {

  /**
   * Returns the function's state for checkpoint {@code checkpointId}, triggered at {@code timestamp}
   * (epoch milliseconds); null or empty when there is none.
   */
  List<T> snapshotState(long checkpointId, long timestamp) throws Exception;

  /** Gives back this subtask's share of the items, when the job is restored; called before {@code open}. */
  void restoreState(List<T> state) throws Exception;
}
