package io.spate.api.checkpoint;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import io.spate.api.state.CheckpointStorage;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's checkpoint settings, read from and written to its configuration (the {@code
 * execution.checkpointing.*} and {@code state.checkpoints.*} options), so that setting them here
 * or in a configuration file is the same. Setters reject a bad value at once, naming the option;
 * {@link #validate()} also checks values set directly in the configuration, and combinations.
 * Checkpointing is ignored in BATCH mode, where a failed job is restarted from its inputs.
 */
@Public
public final class CheckpointConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Configuration configuration;

  /** Checkpoint settings backed by {@code configuration}; changes write through to it. */
  public CheckpointConfig(Configuration configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /** Whether periodic checkpoints are enabled, that is, an interval is set. */
  public boolean isCheckpointingEnabled() {
    return configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).isPresent();
  }

  /** The checkpoint interval in milliseconds, or -1 when checkpointing is disabled. */
  public long getCheckpointInterval() {
    return configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).map(Duration::toMillis).orElse(-1L);
  }

  /** Enables checkpointing every {@code intervalMillis} milliseconds (at least 10). */
  public void setCheckpointInterval(long intervalMillis) {
    Duration interval = Duration.ofMillis(intervalMillis);
    checkInterval(interval);
    configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
  }

  /** Exactly-once or at-least-once. */
  public CheckpointingMode getCheckpointingMode() {
    return configuration.get(CheckpointingOptions.CHECKPOINTING_MODE);
  }

  /** Sets exactly-once or at-least-once. */
  public void setCheckpointingMode(CheckpointingMode mode) {
    configuration.set(CheckpointingOptions.CHECKPOINTING_MODE,
        Objects.requireNonNull(mode, CheckpointingOptions.CHECKPOINTING_MODE.key()));
  }

  /** The time in milliseconds after which an unfinished checkpoint is aborted. */
  public long getCheckpointTimeout() {
    return configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
  }

  /** Sets the time in milliseconds (at least 10) after which an unfinished checkpoint is aborted. */
  public void setCheckpointTimeout(long timeoutMillis) {
    Duration timeout = Duration.ofMillis(timeoutMillis);
    checkTimeout(timeout);
    configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, timeout);
  }

  /** The least time in milliseconds between the end of one checkpoint and the start of the next. */
  public long getMinPauseBetweenCheckpoints() {
    return configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
  }

  /** Sets the least time in milliseconds (0 or more) between one checkpoint's end and the next's start. */
  public void setMinPauseBetweenCheckpoints(long minPauseMillis) {
    Duration pause = Duration.ofMillis(minPauseMillis);
    checkNotNegative(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, pause);
    configuration.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, pause);
  }

  /** How many checkpoints may be in progress at once. */
  public int getMaxConcurrentCheckpoints() {
    return configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
  }

  /** Sets how many checkpoints (at least 1) may be in progress at once. */
  public void setMaxConcurrentCheckpoints(int maxConcurrent) {
    checkAtLeast(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, maxConcurrent, 1);
    configuration.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, maxConcurrent);
  }

  /** How many consecutive failed checkpoints are tolerated before the job fails over. */
  public int getTolerableCheckpointFailureNumber() {
    return configuration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
  }

  /** Sets how many consecutive failed checkpoints (0 or more) are tolerated before the job fails over. */
  public void setTolerableCheckpointFailureNumber(int tolerableFailures) {
    checkAtLeast(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableFailures, 0);
    configuration.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableFailures);
  }

  /** How many unreadable checkpoints in a row recovery may skip for an older retained one (0: none). */
  public int getTolerableCorruptCheckpoints() {
    return configuration.get(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS);
  }

  /**
   * Sets how many unreadable checkpoints in a row (0 or more) recovery may skip for an older retained
   * one; sinks that committed output after the older one emit it again.
   */
  public void setTolerableCorruptCheckpoints(int tolerableCorrupt) {
    checkAtLeast(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS, tolerableCorrupt, 0);
    configuration.set(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS, tolerableCorrupt);
  }

  /** Whether retained checkpoints outlive the job. */
  public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
    return configuration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION);
  }

  /** Sets whether retained checkpoints outlive the job. */
  public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
    configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        Objects.requireNonNull(retention, CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION.key()));
  }

  /** Whether retained checkpoints are kept when the job is cancelled. */
  public boolean isExternalizedCheckpointsEnabled() {
    return getExternalizedCheckpointRetention() != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
  }

  /** Whether barriers may overtake buffered records (unaligned checkpoints). */
  public boolean isUnalignedCheckpointsEnabled() {
    return configuration.get(CheckpointingOptions.ENABLE_UNALIGNED);
  }

  /** Enables unaligned checkpoints; they need {@link CheckpointingMode#EXACTLY_ONCE}. */
  public void enableUnalignedCheckpoints() {
    enableUnalignedCheckpoints(true);
  }

  /** Enables or disables unaligned checkpoints; they need {@link CheckpointingMode#EXACTLY_ONCE}. */
  public void enableUnalignedCheckpoints(boolean enabled) {
    configuration.set(CheckpointingOptions.ENABLE_UNALIGNED, enabled);
  }

  /** How long barriers wait for alignment before an unaligned-enabled checkpoint switches to unaligned. */
  public Duration getAlignedCheckpointTimeout() {
    return configuration.get(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT);
  }

  /** Sets how long barriers wait for alignment before switching to unaligned; 0 means unaligned at once. */
  public void setAlignedCheckpointTimeout(Duration timeout) {
    checkNotNegative(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, timeout);
    configuration.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, timeout);
  }

  /** How many completed checkpoints are kept. */
  public int getNumRetainedCheckpoints() {
    return configuration.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS);
  }

  /** Sets how many completed checkpoints (at least 1) are kept. */
  public void setNumRetainedCheckpoints(int retained) {
    checkAtLeast(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, retained, 1);
    configuration.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, retained);
  }

  /** Stores checkpoints under {@code directory}, a local path or a URI such as {@code file:///data/ckpt}. */
  public void setCheckpointStorage(String directory) {
    setCheckpointStorage(toDirectoryUri(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory));
  }

  /** Stores checkpoints under the directory {@code directory}. */
  public void setCheckpointStorage(URI directory) {
    Objects.requireNonNull(directory, CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
    if (directory.getScheme() == null || !directory.isAbsolute()) {
      throw new IllegalConfigurationException("Invalid " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key() + ": '"
          + directory + "'; a checkpoint directory URI needs a scheme, such as file:///data/checkpoints.");
    }
    configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toString());
  }

  /** Stores checkpoints under the local directory {@code directory}. */
  public void setCheckpointStorage(Path directory) {
    Objects.requireNonNull(directory, CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
    setCheckpointStorage(directory.toAbsolutePath().normalize().toUri());
  }

  /**
   * Stores checkpoints where {@code storage} says, such as a {@link
   * io.spate.api.state.FileSystemCheckpointStorage}; the same as setting the options it writes.
   */
  public void setCheckpointStorage(CheckpointStorage storage) {
    Objects.requireNonNull(storage, "The checkpoint storage must not be null.").applyTo(configuration);
  }

  /** The checkpoint directory as a URI (a path becomes a {@code file:} URI), if one is set. */
  public Optional<URI> getCheckpointStorage() {
    return configuration.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
        .map(dir -> toDirectoryUri(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
  }

  /** The default savepoint directory as a URI (a path becomes a {@code file:} URI), if one is set. */
  public Optional<URI> getDefaultSavepointDirectory() {
    return configuration.getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY)
        .map(dir -> toDirectoryUri(CheckpointingOptions.SAVEPOINT_DIRECTORY, dir));
  }

  /** Sets the directory, a local path or a URI, of savepoints triggered without a target. */
  public void setDefaultSavepointDirectory(String directory) {
    configuration.set(CheckpointingOptions.SAVEPOINT_DIRECTORY,
        toDirectoryUri(CheckpointingOptions.SAVEPOINT_DIRECTORY, directory).toString());
  }

  /** The size below which state is inlined in the checkpoint metadata instead of written to a file. */
  public MemorySize getInlineStateThreshold() {
    return configuration.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD);
  }

  /**
   * Checks every checkpoint option of the configuration, including values set directly in it, and
   * their combinations.
   *
   * @throws IllegalConfigurationException naming the first option whose value is malformed or out of range
   */
  public void validate() {
    configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).ifPresent(CheckpointConfig::checkInterval);
    checkTimeout(configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT));
    checkNotNegative(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS,
        configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS));
    checkAtLeast(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, getMaxConcurrentCheckpoints(), 1);
    checkAtLeast(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, getTolerableCheckpointFailureNumber(), 0);
    checkAtLeast(CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS, getTolerableCorruptCheckpoints(), 0);
    checkAtLeast(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, getNumRetainedCheckpoints(), 1);
    CheckpointingMode mode = getCheckpointingMode();
    getExternalizedCheckpointRetention();
    checkNotNegative(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, getAlignedCheckpointTimeout());
    MemorySize threshold = getInlineStateThreshold();
    if (threshold.compareTo(CheckpointingOptions.MAX_FS_SMALL_FILE_THRESHOLD) > 0) {
      throw new IllegalConfigurationException("Invalid " + CheckpointingOptions.FS_SMALL_FILE_THRESHOLD.key() + ": "
          + threshold + "; it must be at most " + CheckpointingOptions.MAX_FS_SMALL_FILE_THRESHOLD + ".");
    }
    getCheckpointStorage();
    getDefaultSavepointDirectory();
    if (isUnalignedCheckpointsEnabled() && mode != CheckpointingMode.EXACTLY_ONCE) {
      throw new IllegalConfigurationException(CheckpointingOptions.ENABLE_UNALIGNED.key() + " is true, but "
          + CheckpointingOptions.CHECKPOINTING_MODE.key() + " is " + mode
          + ": unaligned checkpoints need EXACTLY_ONCE mode; disable one of the two.");
    }
  }

  private static void checkInterval(Duration interval) {
    if (interval.compareTo(CheckpointingOptions.MINIMAL_CHECKPOINT_TIME) < 0) {
      throw new IllegalConfigurationException("Invalid " + CheckpointingOptions.CHECKPOINTING_INTERVAL.key() + ": "
          + interval.toMillis() + " ms; the checkpoint interval must be at least "
          + CheckpointingOptions.MINIMAL_CHECKPOINT_TIME.toMillis() + " ms (leave it unset to disable checkpointing).");
    }
  }

  private static void checkTimeout(Duration timeout) {
    if (timeout.compareTo(CheckpointingOptions.MINIMAL_CHECKPOINT_TIME) < 0) {
      throw new IllegalConfigurationException("Invalid " + CheckpointingOptions.CHECKPOINTING_TIMEOUT.key() + ": "
          + timeout.toMillis() + " ms; the checkpoint timeout must be at least "
          + CheckpointingOptions.MINIMAL_CHECKPOINT_TIME.toMillis() + " ms.");
    }
  }

  private static void checkNotNegative(ConfigOption<Duration> option, Duration value) {
    Objects.requireNonNull(value, option.key());
    if (value.isNegative()) {
      throw new IllegalConfigurationException(
          "Invalid " + option.key() + ": " + value.toMillis() + " ms; it must not be negative.");
    }
  }

  private static void checkAtLeast(ConfigOption<Integer> option, int value, int min) {
    if (value < min) {
      throw new IllegalConfigurationException(
          "Invalid " + option.key() + ": " + value + "; it must be at least " + min + ".");
    }
  }

  /** A URI with a scheme as given, else the absolute {@code file:} URI of a local path. */
  private static URI toDirectoryUri(ConfigOption<String> option, String directory) {
    return CheckpointingOptions.directoryUri(option, directory);
  }
}
