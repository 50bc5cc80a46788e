package io.spate.api.checkpoint;

import io.spate.api.annotation.PublicEvolving;

/**
 * What happened to one checkpoint or savepoint of a job.
 *
 * @param checkpointId the checkpoint's id
 * @param savepoint whether it is a savepoint
 * @param status IN_PROGRESS, COMPLETED or FAILED
 * @param triggerTimestamp when it was triggered (epoch ms)
 * @param durationMillis from trigger to completion or failure (so far, while in progress)
 * @param syncMillis the longest synchronous snapshot part of any subtask
 * @param asyncMillis the longest asynchronous (writing) part of any subtask
 * @param alignmentMillis the longest barrier alignment of any subtask
 * @param stateSize the bytes of state written by all subtasks
 * @param persistedInFlightBytes the bytes of in-flight records stored (unaligned checkpoints)
 * @param acknowledgedSubtasks how many subtasks acknowledged
 * @param totalSubtasks how many subtasks take part
 * @param externalPath where it was written, or null (in memory, or not complete)
 * @param failureReason why it failed, or null
 * @param checkpointedSize the bytes written for this checkpoint by all subtasks: equal to {@code
 *     stateSize} (the full size) unless incremental snapshots referenced files of earlier checkpoints
 */
@PublicEvolving
public record CheckpointStatistics(
    long checkpointId,
    boolean savepoint,
    Status status,
    long triggerTimestamp,
    long durationMillis,
    long syncMillis,
    long asyncMillis,
    long alignmentMillis,
    long stateSize,
    long persistedInFlightBytes,
    int acknowledgedSubtasks,
    int totalSubtasks,
    String externalPath,
    String failureReason,
    long checkpointedSize) implements java.io.Serializable {

  /** Statistics of a checkpoint that wrote all its state ({@code checkpointedSize == stateSize}). */
  public CheckpointStatistics(long checkpointId, boolean savepoint, Status status, long triggerTimestamp,
      long durationMillis, long syncMillis, long asyncMillis, long alignmentMillis, long stateSize,
      long persistedInFlightBytes, int acknowledgedSubtasks, int totalSubtasks, String externalPath,
      String failureReason) {
    this(checkpointId, savepoint, status, triggerTimestamp, durationMillis, syncMillis, asyncMillis, alignmentMillis,
        stateSize, persistedInFlightBytes, acknowledgedSubtasks, totalSubtasks, externalPath, failureReason, stateSize);
  }

  /** Where a checkpoint stands. */
  public enum Status {
    /** Barriers are on their way or subtasks are writing state. */
    IN_PROGRESS,
    /** Every subtask acknowledged and the metadata is written. */
    COMPLETED,
    /** It was declined, timed out, or could not be written. */
    FAILED
  }
}
