package io.spate.runtime.checkpoint.barrier;

import io.spate.api.checkpoint.CheckpointingMode;
import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import java.time.Duration;

/**
 * A job's checkpointing settings, read once from its configuration.
 *
 * @param interval the checkpoint interval in ms, or 0 when periodic checkpoints are off
 * @param exactlyOnce exactly-once (aligned barriers) rather than at-least-once
 * @param timeoutMillis after how long a checkpoint that has not completed is aborted
 * @param minPauseMillis the least time between the end of one checkpoint and the start of the next
 * @param maxConcurrent how many checkpoints may be in progress at once
 * @param tolerableFailures how many checkpoint failures in a row the job tolerates
 * @param retention what happens to the checkpoints when the job ends
 * @param unaligned whether barriers overtake in-flight records
 * @param alignedTimeoutMillis after how long an aligned barrier switches to unaligned (0 = never)
 * @param retained how many completed checkpoints are kept
 * @param checkpointDirectory where checkpoints are written, or null to keep them in memory
 * @param savepointDirectory the default savepoint directory, or null
 * @param inlineThreshold pieces of state up to this size go into the metadata file
 * @param tolerableCorrupt how many unreadable checkpoints in a row recovery may skip for an older one
 * @param afterTasksFinish whether checkpoints go on once tasks finished, and finished tasks wait for a
 *     final checkpoint ({@code execution.checkpointing.checkpoints-after-tasks-finish.enabled})
 */
public record CheckpointSettings(
    long interval,
    boolean exactlyOnce,
    long timeoutMillis,
    long minPauseMillis,
    int maxConcurrent,
    int tolerableFailures,
    ExternalizedCheckpointRetention retention,
    boolean unaligned,
    long alignedTimeoutMillis,
    int retained,
    String checkpointDirectory,
    String savepointDirectory,
    int inlineThreshold,
    int tolerableCorrupt,
    boolean afterTasksFinish) implements java.io.Serializable {


  /** The settings in {@code conf}. */
  public static CheckpointSettings from(Configuration conf) {
    Duration interval = conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL);
    return new CheckpointSettings(
        interval == null || !CheckpointingOptions.isCheckpointingEnabled(conf) ? 0 : interval.toMillis(),
        conf.get(CheckpointingOptions.CHECKPOINTING_MODE) != CheckpointingMode.AT_LEAST_ONCE,
        conf.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis(),
        conf.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis(),
        conf.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS),
        conf.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER),
        conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION),
        conf.get(CheckpointingOptions.ENABLE_UNALIGNED),
        conf.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT).toMillis(),
        conf.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS),
        conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
        conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY),
        (int) conf.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD).bytes(),
        conf.get(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS),
        conf.get(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH));
  }

  /** Whether periodic checkpoints are on. */
  public boolean isEnabled() {
    return interval > 0;
  }

  /**
   * Whether a task that reached the end of its input waits for a final checkpoint before it ends, so
   * that sinks commit their last transaction on that checkpoint rather than at the end of their input:
   * with checkpointing on, outside BATCH mode ({@code mode}), unless checkpoints after tasks finish are
   * switched off.
   */
  public boolean awaitsFinalCheckpoint(RuntimeExecutionMode mode) {
    return isEnabled() && afterTasksFinish && mode != RuntimeExecutionMode.BATCH;
  }

  /**
   * The options of a periodic checkpoint: with unaligned checkpoints on, a positive aligned timeout
   * makes each start aligned and turn unaligned only once its alignment lasts that long.
   */
  public CheckpointOptions checkpointOptions() {
    boolean mayBeUnaligned = unaligned && exactlyOnce;
    return new CheckpointOptions(CheckpointType.CHECKPOINT, exactlyOnce, mayBeUnaligned && alignedTimeoutMillis == 0,
        mayBeUnaligned ? alignedTimeoutMillis : 0, null);
  }
}
