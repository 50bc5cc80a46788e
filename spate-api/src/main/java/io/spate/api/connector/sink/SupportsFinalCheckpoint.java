package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;

/**
 * A {@link SinkWriter} that wants to know when the barrier of its task's final checkpoint passes:
 * the first checkpoint after the end of its input, on whose completion the committables it prepared
 * at the end of its input are committed. The writer is neither flushed nor asked for committables
 * then (it gave its last ones at the end of its input); by then every subtask of the job runs or has
 * finished, so whatever a restore had to commit again was committed.
 */
@PublicEvolving
public interface SupportsFinalCheckpoint {

  /** The barrier of checkpoint {@code checkpointId}, the task's final checkpoint, passes the writer. */
  void onFinalCheckpointBarrier(long checkpointId) throws Exception;
}
