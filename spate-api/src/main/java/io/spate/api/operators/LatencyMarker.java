package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * Flink's marker for measuring the latency from a source to each operator. Spate's runtime never
 * sends one (it has no latency tracking), so operators never receive one; the type exists so that
 * an operator overriding {@code processLatencyMarker} compiles.
 *
 * @param markedTime when the source marked it, in milliseconds since the epoch
 * @param operatorId the source operator that sent it
 * @param subtaskIndex the subtask of that source
 */
@PublicEvolving
public record LatencyMarker(long markedTime, String operatorId, int subtaskIndex) {

  /** When the source marked it, named as in Flink. */
  public long getMarkedTime() {
    return markedTime;
  }

  /** The source operator that sent it, named as in Flink. */
  public String getOperatorId() {
    return operatorId;
  }

  /** The subtask of that source, named as in Flink. */
  public int getSubtaskIndex() {
    return subtaskIndex;
  }
}
