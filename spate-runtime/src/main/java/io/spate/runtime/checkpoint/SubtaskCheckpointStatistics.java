package io.spate.runtime.checkpoint;

/**
 * One subtask's acknowledgement of a checkpoint, as the REST API reports it per subtask.
 *
 * @param vertexId the subtask's job vertex
 * @param subtaskIndex its index within the vertex
 * @param ackTimestamp when the coordinator received the acknowledgement (epoch ms)
 * @param stateSize the bytes of the subtask's whole state
 * @param checkpointedSize the bytes it wrote for this checkpoint (less than {@code stateSize} when an
 *     incremental snapshot referenced files of earlier checkpoints)
 * @param alignmentMillis how long its input waited for barriers on all channels
 * @param startDelayMillis from the trigger to its first barrier; -1 if not known
 * @param syncMillis the synchronous part of its snapshot
 * @param asyncMillis writing its state
 * @param persistedInFlightBytes the in-flight records it stored (unaligned checkpoints)
 * @param unaligned whether its snapshot was unaligned
 */
public record SubtaskCheckpointStatistics(int vertexId, int subtaskIndex, long ackTimestamp, long stateSize,
    long checkpointedSize, long alignmentMillis, long startDelayMillis, long syncMillis, long asyncMillis,
    long persistedInFlightBytes, boolean unaligned) implements java.io.Serializable {

  /** The statistics of an acknowledgement with {@code metrics} received at {@code ackTimestamp}. */
  static SubtaskCheckpointStatistics of(int vertexId, int subtaskIndex, long ackTimestamp,
      TaskCheckpointMetrics metrics) {
    return new SubtaskCheckpointStatistics(vertexId, subtaskIndex, ackTimestamp, metrics.stateSize(),
        metrics.checkpointedSize(), metrics.alignmentMillis(), metrics.startDelayMillis(), metrics.syncMillis(),
        metrics.asyncMillis(), metrics.persistedInFlightBytes(), metrics.unaligned());
  }
}
