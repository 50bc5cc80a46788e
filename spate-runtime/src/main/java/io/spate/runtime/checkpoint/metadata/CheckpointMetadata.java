package io.spate.runtime.checkpoint.metadata;

import io.spate.runtime.checkpoint.barrier.CheckpointType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a completed checkpoint or savepoint holds: the state of every operator, by operator id.
 *
 * @param checkpointId the checkpoint's id
 * @param timestamp when it was triggered (epoch ms)
 * @param type checkpoint or savepoint
 * @param operators the operators' state by operator id
 */
public record CheckpointMetadata(long checkpointId, long timestamp, CheckpointType type,
    Map<String, OperatorState> operators) {

  /** Copies the map, keeping its order. */
  public CheckpointMetadata {
    operators = Collections.unmodifiableMap(new LinkedHashMap<>(operators));
  }

  /** The size of all state in bytes. */
  public long getStateSize() {
    return operators.values().stream().mapToLong(OperatorState::getStateSize).sum();
  }
}
