package io.spate.runtime.checkpoint;

/**
 * What a subtask reports about its part of a checkpoint.
 *
 * @param alignmentMillis how long its input waited for barriers on all channels
 * @param syncMillis how long the synchronous part of its snapshot took
 * @param asyncMillis how long writing its state took
 * @param stateSize the bytes of state it wrote
 * @param persistedInFlightBytes the bytes of in-flight records it stored (unaligned checkpoints)
 * @param checkpointedSize the bytes it wrote for this checkpoint: less than {@code stateSize} when an
 *     incremental snapshot references files of earlier checkpoints
 * @param operatorsFinished whether the subtask had finished its operators (reached the end of its
 *     input) before this snapshot: the checkpoint records its operators as finished there
 * @param startDelayMillis from the checkpoint's trigger to the subtask starting its part (its first
 *     barrier), by the wall clocks of the two processes; -1 if not known
 * @param unaligned whether the subtask's snapshot was unaligned (barriers overtook in-flight records)
 */
public record TaskCheckpointMetrics(long alignmentMillis, long syncMillis, long asyncMillis, long stateSize,
    long persistedInFlightBytes, long checkpointedSize, boolean operatorsFinished, long startDelayMillis,
    boolean unaligned) implements java.io.Serializable {

  /** Metrics of a snapshot whose start delay is not known, taken aligned. */
  public TaskCheckpointMetrics(long alignmentMillis, long syncMillis, long asyncMillis, long stateSize,
      long persistedInFlightBytes, long checkpointedSize, boolean operatorsFinished) {
    this(alignmentMillis, syncMillis, asyncMillis, stateSize, persistedInFlightBytes, checkpointedSize,
        operatorsFinished, -1, false);
  }

  /** Metrics of a snapshot of a subtask whose operators run. */
  public TaskCheckpointMetrics(long alignmentMillis, long syncMillis, long asyncMillis, long stateSize,
      long persistedInFlightBytes, long checkpointedSize) {
    this(alignmentMillis, syncMillis, asyncMillis, stateSize, persistedInFlightBytes, checkpointedSize, false);
  }

  /** Metrics of a snapshot that wrote all its state ({@code checkpointedSize == stateSize}). */
  public TaskCheckpointMetrics(
      long alignmentMillis, long syncMillis, long asyncMillis, long stateSize, long persistedInFlightBytes) {
    this(alignmentMillis, syncMillis, asyncMillis, stateSize, persistedInFlightBytes, stateSize);
  }
}
