package io.spate.runtime.checkpoint;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import java.util.List;

/**
 * What the REST API reports about a job's checkpoints beyond their short history: the details of the
 * latest ones, the latest savepoint, the counts since the job started, and the settings they follow.
 *
 * @param details the latest checkpoints with their subtasks' acknowledgements (at most {@code
 *     web.checkpoints.history}), oldest first, in-progress ones last
 * @param latestSavepoint the latest completed savepoint, or null
 * @param completed how many checkpoints and savepoints completed
 * @param failed how many failed
 * @param inProgress how many are in progress
 * @param settings the job's checkpointing settings
 * @param stateBackend the name of the job's state backend (hashmap, rocksdb)
 */
public record CheckpointStatsSnapshot(List<CheckpointDetails> details, CheckpointStatistics latestSavepoint,
    long completed, long failed, int inProgress, CheckpointSettings settings, String stateBackend)
    implements java.io.Serializable {

  /** The details of checkpoint {@code checkpointId}, or null when they are not (or no longer) kept. */
  public CheckpointDetails find(long checkpointId) {
    for (CheckpointDetails checkpoint : details) {
      if (checkpoint.checkpointId() == checkpointId) {
        return checkpoint;
      }
    }
    return null;
  }
}
