package io.spate.runtime.checkpoint;

import io.spate.api.checkpoint.CheckpointStatistics;
import java.util.List;
import java.util.Map;

/**
 * One checkpoint with the acknowledgements of its subtasks, for the REST API's checkpoint details.
 *
 * @param statistics the checkpoint as a whole
 * @param subtasksByVertex how many subtasks of each vertex take part, by vertex id
 * @param acknowledged the subtasks that acknowledged, in the order they did
 */
public record CheckpointDetails(CheckpointStatistics statistics, Map<Integer, Integer> subtasksByVertex,
    List<SubtaskCheckpointStatistics> acknowledged) implements java.io.Serializable {

  /** The checkpoint's id. */
  public long checkpointId() {
    return statistics.checkpointId();
  }
}
