package io.spate.api.checkpoint;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import io.spate.api.state.CheckpointStorage;
import io.spate.api.state.FileSystemCheckpointStorage;
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

  /**
   * Where checkpoints are stored: a {@link FileSystemCheckpointStorage} of the checkpoint directory
   * (a path becomes a {@code file:} URI), or null when none is set and checkpoints stay in the
   * JobMaster's memory.
   */
  public CheckpointStorage getCheckpointStorage() {
    return configuration.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
        .map(dir -> new FileSystemCheckpointStorage(toDirectoryUri(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir),
            configuration.getOptional(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD).map(t -> (int) t.bytes()).orElse(-1)))
        .orElse(null);
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
    configuration.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
        .ifPresent(dir -> toDirectoryUri(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
    getDefaultSavepointDirectory();
    if (isUnalignedCheckpointsEnabled() && mode != CheckpointingMode.EXACTLY_ONCE) {
      throw new IllegalConfigurationException(CheckpointingOptions.ENABLE_UNALIGNED.key() + " is true, but "
          + CheckpointingOptions.CHECKPOINTING_MODE.key() + " is " + mode
          + ": unaligned checkpoints need EXACTLY_ONCE mode; disable one of the two.");
    }
  }

  // ---------------------------------------------------------------- Flink's other members

  /** Default settings, backed by a configuration of their own. */
  public CheckpointConfig() {
    this(new Configuration());
  }

  /** A copy of {@code other}'s settings, backed by a configuration of its own. */
  public CheckpointConfig(CheckpointConfig other) {
    this(new Configuration(Objects.requireNonNull(other, "other").configuration));
  }

  /** Disables periodic checkpoints: unsets the interval. */
  public void disableCheckpointing() {
    configuration.removeConfig(CheckpointingOptions.CHECKPOINTING_INTERVAL);
  }

  /** Exactly-once or at-least-once: the same as {@link #getCheckpointingMode()}. */
  public CheckpointingMode getCheckpointingConsistencyMode() {
    return getCheckpointingMode();
  }

  /** Sets exactly-once or at-least-once: the same as {@link #setCheckpointingMode}. */
  public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
    setCheckpointingMode(mode);
  }

  /**
   * The checkpoint interval while a source reports a backlog: no Spate source reports one, so this is
   * always the regular interval, {@link #getCheckpointInterval()}.
   */
  public long getCheckpointIntervalDuringBacklog() {
    return getCheckpointInterval();
  }

  /**
   * Not supported: no Spate source reports that it processes a backlog, so a second interval would
   * never apply.
   *
   * @throws UnsupportedOperationException always, saying what to do instead
   */
  public void setCheckpointIntervalDuringBacklog(long intervalMillis) {
    throw new UnsupportedOperationException("setCheckpointIntervalDuringBacklog(" + intervalMillis + "): Spate's"
        + " sources report no backlog, so checkpoints always run every " + CheckpointingOptions.CHECKPOINTING_INTERVAL.key()
        + "; set that interval instead.");
  }

  /** False: Spate never checkpoints a job with an iteration (see {@link #setForceCheckpointing}). */
  @Deprecated
  public boolean isForceCheckpointing() {
    return false;
  }

  /**
   * Accepts false; refuses true, since Spate never checkpoints a job with an iteration: records on
   * their way back would be in no snapshot and lost on recovery.
   *
   * @throws UnsupportedOperationException for {@code true}
   * @deprecated as in Flink.
   */
  @Deprecated
  public void setForceCheckpointing(boolean forceCheckpointing) {
    if (forceCheckpointing) {
      throw new UnsupportedOperationException("setForceCheckpointing(true): Spate does not checkpoint a job with an"
          + " iteration, whose records in the loop a recovery would lose; leave checkpointing off for such a job.");
    }
  }

  /** False: Spate never takes unaligned checkpoints of a job with an iteration. */
  public boolean isForceUnalignedCheckpoints() {
    return false;
  }

  /**
   * Accepts false; refuses true, which in Flink allows unaligned checkpoints of iterative jobs: Spate
   * checkpoints no job with an iteration.
   *
   * @throws UnsupportedOperationException for {@code true}
   */
  public void setForceUnalignedCheckpoints(boolean forceUnalignedCheckpoints) {
    if (forceUnalignedCheckpoints) {
      throw new UnsupportedOperationException("setForceUnalignedCheckpoints(true): Spate does not checkpoint a job"
          + " with an iteration; unaligned checkpoints (enableUnalignedCheckpoints()) already cover every other"
          + " edge of a job.");
    }
  }

  /** Whether any failed checkpoint fails the job: the same as a tolerable failure number of 0. */
  @Deprecated
  public boolean isFailOnCheckpointingErrors() {
    return getTolerableCheckpointFailureNumber() == 0;
  }

  /**
   * True tolerates no failed checkpoint (a tolerable failure number of 0); false tolerates any number
   * of them.
   *
   * @deprecated use {@link #setTolerableCheckpointFailureNumber(int)}, as in Flink.
   */
  @Deprecated
  public void setFailOnCheckpointingErrors(boolean failOnCheckpointingErrors) {
    setTolerableCheckpointFailureNumber(failOnCheckpointingErrors ? 0 : Integer.MAX_VALUE);
  }

  /** Sets whether retained checkpoints outlive the job: the same as {@link #setExternalizedCheckpointRetention}. */
  @Deprecated
  public void setExternalizedCheckpointCleanup(ExternalizedCheckpointCleanup cleanup) {
    setExternalizedCheckpointRetention(
        Objects.requireNonNull(cleanup, CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION.key()).retention());
  }

  /** Sets whether retained checkpoints outlive the job: the same as {@link #setExternalizedCheckpointCleanup}. */
  @Deprecated
  public void enableExternalizedCheckpoints(ExternalizedCheckpointCleanup cleanup) {
    setExternalizedCheckpointCleanup(cleanup);
  }

  /** Whether retained checkpoints outlive the job, in the older enum. */
  @Deprecated
  public ExternalizedCheckpointCleanup getExternalizedCheckpointCleanup() {
    return ExternalizedCheckpointCleanup.of(getExternalizedCheckpointRetention());
  }

  /**
   * Accepts false; refuses true: Spate fires a task's timers between its records and barriers, never
   * interrupting a firing for a barrier.
   *
   * @throws UnsupportedOperationException for {@code true}
   */
  public void enableUnalignedCheckpointsInterruptibleTimers(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("enableUnalignedCheckpointsInterruptibleTimers(true): Spate takes a"
          + " barrier between two timers at most, never in the middle of firing them; an unaligned checkpoint"
          + " waits for the timer that fires.");
    }
  }

  /** False: see {@link #enableUnalignedCheckpointsInterruptibleTimers}. */
  public boolean isUnalignedCheckpointsInterruptibleTimersEnabled() {
    return false;
  }

  /** The same as {@link #setAlignedCheckpointTimeout}. */
  @Deprecated
  public void setAlignmentTimeout(Duration alignmentTimeout) {
    setAlignedCheckpointTimeout(alignmentTimeout);
  }

  /** The same as {@link #getAlignedCheckpointTimeout()}. */
  @Deprecated
  public Duration getAlignmentTimeout() {
    return getAlignedCheckpointTimeout();
  }

  /**
   * 1: Spate writes the in-flight records of each subtask with that subtask's own state, never in a
   * file shared by several subtasks.
   */
  public int getMaxSubtasksPerChannelStateFile() {
    return 1;
  }

  /**
   * Accepts 1, the only layout Spate has; refuses other values.
   *
   * @throws UnsupportedOperationException for a value other than 1
   */
  public void setMaxSubtasksPerChannelStateFile(int maxSubtasksPerChannelStateFile) {
    if (maxSubtasksPerChannelStateFile != 1) {
      throw new UnsupportedOperationException("setMaxSubtasksPerChannelStateFile(" + maxSubtasksPerChannelStateFile
          + "): Spate stores the in-flight records of each subtask with its own state, so no file is shared by"
          + " several subtasks; leave the setting out.");
    }
  }

  /** False: Spate recovers a failed region from its last checkpoint, never approximately. */
  public boolean isApproximateLocalRecoveryEnabled() {
    return false;
  }

  /**
   * Accepts false; refuses true: Spate restarts the failed region from the last completed checkpoint,
   * with exactly-once state, and has no approximate recovery that loses records.
   *
   * @throws UnsupportedOperationException for {@code true}
   */
  public void enableApproximateLocalRecovery(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("enableApproximateLocalRecovery(true): Spate restarts the failed"
          + " region of a job from its last completed checkpoint (see restart strategies), never approximately.");
    }
  }

  /** Stores checkpoints under the directory {@code directory}, a path of any file system. */
  public void setCheckpointStorage(io.spate.api.fs.Path directory) {
    Objects.requireNonNull(directory, CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
    setCheckpointStorage(directory.toString());
  }

  /**
   * Makes a recovery from checkpoint {@code checkpointId} drop the in-flight records an unaligned
   * checkpoint stored, and restore only the state; -1 (the default) restores them from every checkpoint.
   */
  public void setCheckpointIdOfIgnoredInFlightData(long checkpointId) {
    if (checkpointId < -1) {
      throw new IllegalConfigurationException("Invalid "
          + CheckpointingOptions.CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA.key() + ": " + checkpointId
          + "; it must be a checkpoint id, or -1 for none.");
    }
    configuration.set(CheckpointingOptions.CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA, checkpointId);
  }

  /** The checkpoint whose in-flight records a recovery drops, or -1; see {@link #setCheckpointIdOfIgnoredInFlightData}. */
  public long getCheckpointIdOfIgnoredInFlightData() {
    return configuration.get(CheckpointingOptions.CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA);
  }

  /**
   * Applies every checkpoint option that {@code conf} sets, leaving the others as they are, then
   * checks them.
   *
   * @throws IllegalConfigurationException naming an option whose value is bad
   */
  public void configure(Configuration conf) {
    Objects.requireNonNull(conf, "conf");
    Configuration changed = new Configuration(configuration);
    for (java.lang.reflect.Field field : CheckpointingOptions.class.getFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
        try {
          String key = ((ConfigOption<?>) field.get(null)).key();
          String value = conf.toMap().get(key);
          if (value != null) {
            changed.setString(key, value);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("Cannot read the option " + field.getName(), e);
        }
      }
    }
    new CheckpointConfig(changed).validate(); // a bad value changes nothing
    configuration.addAll(changed);
  }

  /**
   * Whether retained checkpoints outlive the job, in the enum of older Flink programs; the same
   * values as {@link ExternalizedCheckpointRetention}.
   */
  @Deprecated
  public enum ExternalizedCheckpointCleanup {
    /** Retained checkpoints are deleted when the job is cancelled and kept when it fails. */
    DELETE_ON_CANCELLATION(ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION),
    /** Retained checkpoints are kept when the job is cancelled, so it can resume from them. */
    RETAIN_ON_CANCELLATION(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION),
    /** Checkpoints are deleted when the job ends, however it ends. */
    NO_EXTERNALIZED_CHECKPOINTS(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);

    private final ExternalizedCheckpointRetention retention;

    ExternalizedCheckpointCleanup(ExternalizedCheckpointRetention retention) {
      this.retention = retention;
    }

    /** Whether cancelling the job deletes its retained checkpoints. */
    public boolean deleteOnCancellation() {
      return this == DELETE_ON_CANCELLATION;
    }

    ExternalizedCheckpointRetention retention() {
      return retention;
    }

    static ExternalizedCheckpointCleanup of(ExternalizedCheckpointRetention retention) {
      for (ExternalizedCheckpointCleanup cleanup : values()) {
        if (cleanup.retention == retention) {
          return cleanup;
        }
      }
      throw new IllegalArgumentException("No cleanup for " + retention);
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

  // ---------------------------------------------------------------- configure from any ReadableConfig

  /** Applies every checkpoint option that {@code conf} sets, as {@link #configure(Configuration)} does. */
  public void configure(io.spate.api.configuration.ReadableConfig conf) {
    Objects.requireNonNull(conf, "configure: the configuration must not be null.");
    configure(conf instanceof Configuration c ? c : Configuration.fromMap(conf.toMap()));
  }
}
