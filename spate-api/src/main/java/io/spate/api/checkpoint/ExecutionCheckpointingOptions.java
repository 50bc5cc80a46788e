package io.spate.api.checkpoint;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.ConfigOption;
import java.time.Duration;

/**
 * The checkpoint options under the names older Flink programs use: each is the option of {@link
 * CheckpointingOptions} with the same key. Flink's options for concepts Spate does not have (forced
 * and interruptible unaligned checkpoints, approximate recovery, a backlog interval, shared channel
 * state files) are left out, so that a program setting them fails to compile instead of being ignored.
 */
@PublicEvolving
public class ExecutionCheckpointingOptions {

  /** Exactly-once or at-least-once. */
  public static final ConfigOption<CheckpointingMode> CHECKPOINTING_MODE = CheckpointingOptions.CHECKPOINTING_MODE;

  /** The same option as {@link #CHECKPOINTING_MODE}, under Flink's newer name. */
  public static final ConfigOption<CheckpointingMode> CHECKPOINTING_CONSISTENCY_MODE =
      CheckpointingOptions.CHECKPOINTING_MODE;

  /** The time after which an unfinished checkpoint is aborted. */
  public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = CheckpointingOptions.CHECKPOINTING_TIMEOUT;

  /** How many checkpoints may be in progress at once. */
  public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS;

  /** The least time between the end of one checkpoint and the start of the next. */
  public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS =
      CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS;

  /** How many consecutive failed checkpoints are tolerated. */
  public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER = CheckpointingOptions.TOLERABLE_FAILURE_NUMBER;

  /** Whether retained checkpoints outlive the job. */
  public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_CHECKPOINT_RETENTION =
      CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION;

  /** The checkpoint interval; unset disables checkpointing. */
  public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = CheckpointingOptions.CHECKPOINTING_INTERVAL;

  /** Whether barriers may overtake buffered records. */
  public static final ConfigOption<Boolean> ENABLE_UNALIGNED = CheckpointingOptions.ENABLE_UNALIGNED;

  /** Whether checkpoints go on once some tasks finished, and finished tasks wait for a final checkpoint. */
  public static final ConfigOption<Boolean> ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH =
      CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH;

  /** How long barriers wait for alignment before the checkpoint switches to unaligned. */
  public static final ConfigOption<Duration> ALIGNED_CHECKPOINT_TIMEOUT = CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT;

  /** The same option as {@link #ALIGNED_CHECKPOINT_TIMEOUT}, under Flink's older name. */
  public static final ConfigOption<Duration> ALIGNMENT_TIMEOUT = CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT;

  /** The checkpoint whose in-flight records a recovery from it drops, or -1. */
  public static final ConfigOption<Long> CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA =
      CheckpointingOptions.CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA;

  /** Holds only constants; instances serve nothing, as in Flink. */
  public ExecutionCheckpointingOptions() {}
}
