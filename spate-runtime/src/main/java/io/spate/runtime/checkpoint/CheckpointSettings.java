package io.spate.runtime.checkpoint;

import io.spate.api.configuration.ConfigOption;
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
 */
public record CheckpointSettings(
    long interval,
    boolean exactlyOnce,
    long timeoutMillis,
    long minPauseMillis,
    int maxConcurrent,
    int tolerableFailures,
    Retention retention,
    boolean unaligned,
    long alignedTimeoutMillis,
    int retained,
    String checkpointDirectory,
    String savepointDirectory,
    int inlineThreshold) {

  /** What happens to a job's checkpoints when it ends. */
  public enum Retention {
    /** Deleted whenever the job ends. */
    NO_EXTERNALIZED_CHECKPOINTS,
    /** Kept when the job is cancelled (and when it fails). */
    RETAIN_ON_CANCELLATION,
    /** Deleted when the job is cancelled or finishes; kept when it fails. */
    DELETE_ON_CANCELLATION
  }

  private static final ConfigOption<Duration> INTERVAL = ConfigOption.key("execution.checkpointing.interval")
      .durationType().noDefaultValue().withDescription("");
  private static final ConfigOption<String> MODE = ConfigOption.key("execution.checkpointing.mode")
      .stringType().defaultValue("EXACTLY_ONCE").withDescription("");
  private static final ConfigOption<Duration> TIMEOUT = ConfigOption.key("execution.checkpointing.timeout")
      .durationType().defaultValue(Duration.ofMinutes(10)).withDescription("");
  private static final ConfigOption<Duration> MIN_PAUSE = ConfigOption.key("execution.checkpointing.min-pause")
      .durationType().defaultValue(Duration.ZERO).withDescription("");
  private static final ConfigOption<Integer> MAX_CONCURRENT =
      ConfigOption.key("execution.checkpointing.max-concurrent-checkpoints").intType().defaultValue(1).withDescription("");
  private static final ConfigOption<Integer> TOLERABLE =
      ConfigOption.key("execution.checkpointing.tolerable-failed-checkpoints").intType().defaultValue(0).withDescription("");
  private static final ConfigOption<String> RETENTION =
      ConfigOption.key("execution.checkpointing.externalized-checkpoint-retention").stringType()
          .defaultValue("NO_EXTERNALIZED_CHECKPOINTS").withDescription("");
  private static final ConfigOption<Boolean> UNALIGNED = ConfigOption.key("execution.checkpointing.unaligned.enabled")
      .booleanType().defaultValue(false).withDescription("");
  private static final ConfigOption<Duration> ALIGNED_TIMEOUT =
      ConfigOption.key("execution.checkpointing.aligned-checkpoint-timeout").durationType().defaultValue(Duration.ZERO)
          .withDescription("");
  private static final ConfigOption<Integer> RETAINED = ConfigOption.key("state.checkpoints.num-retained")
      .intType().defaultValue(1).withDescription("");
  private static final ConfigOption<String> CHECKPOINT_DIR = ConfigOption.key("state.checkpoints.dir")
      .stringType().noDefaultValue().withDescription("");
  private static final ConfigOption<String> SAVEPOINT_DIR = ConfigOption.key("state.savepoints.dir")
      .stringType().noDefaultValue().withDescription("");

  /** The settings in {@code conf}. */
  public static CheckpointSettings from(Configuration conf) {
    Duration interval = conf.get(INTERVAL);
    return new CheckpointSettings(
        interval == null ? 0 : interval.toMillis(),
        !"AT_LEAST_ONCE".equalsIgnoreCase(conf.get(MODE)),
        conf.get(TIMEOUT).toMillis(),
        conf.get(MIN_PAUSE).toMillis(),
        conf.get(MAX_CONCURRENT),
        conf.get(TOLERABLE),
        Retention.valueOf(conf.get(RETENTION).toUpperCase(java.util.Locale.ROOT)),
        conf.get(UNALIGNED),
        conf.get(ALIGNED_TIMEOUT).toMillis(),
        conf.get(RETAINED),
        conf.get(CHECKPOINT_DIR),
        conf.get(SAVEPOINT_DIR),
        20 * 1024);
  }

  /** Whether periodic checkpoints are on. */
  public boolean isEnabled() {
    return interval > 0;
  }

  /** The options of a periodic checkpoint. */
  public CheckpointOptions checkpointOptions() {
    return new CheckpointOptions(CheckpointType.CHECKPOINT, exactlyOnce, unaligned && exactlyOnce,
        alignedTimeoutMillis, null);
  }
}
