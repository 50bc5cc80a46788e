package io.spate.runtime.checkpoint.barrier;

/**
 * Marks, in the stream of each channel, the cut between records before a checkpoint and after it.
 *
 * @param checkpointId the checkpoint
 * @param timestamp when the checkpoint was triggered (epoch ms)
 * @param options how the snapshot is taken
 */
public record CheckpointBarrier(long checkpointId, long timestamp, CheckpointOptions options)
    implements java.io.Serializable {}
