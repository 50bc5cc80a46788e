package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.CheckpointingMode;
import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.common.RuntimeExecutionMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Options that turn on, pace and store a job's checkpoints. */
@PublicEvolving
public final class CheckpointingOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public CheckpointingOptions() {}

  /** The time between the starts of two checkpoints; unset means checkpointing is off. */
  public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL =
      ConfigOption.key("execution.checkpointing.interval")
          .durationType()
          .noDefaultValue()
          .withDescription("Time between the starts of two periodic checkpoints, at least 10 ms; unset turns"
              + " checkpointing off. Ignored in BATCH mode, where a failed job is restarted from its inputs.");

  /** Exactly-once or at-least-once checkpoints. */
  public static final ConfigOption<CheckpointingMode> CHECKPOINTING_MODE =
      ConfigOption.key("execution.checkpointing.mode")
          .enumType(CheckpointingMode.class)
          .defaultValue(CheckpointingMode.EXACTLY_ONCE)
          .withDescription("exactly_once aligns barriers so every record affects restored state once;"
              + " at_least_once skips the alignment, so records may be replayed into state after recovery.");

  /** How long a checkpoint may take before it is aborted. */
  public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT =
      ConfigOption.key("execution.checkpointing.timeout")
          .durationType()
          .defaultValue(Duration.ofMinutes(10))
          .withDescription("A checkpoint not completed within this time is aborted (and counts as failed).");

  /** The least time between the end of one checkpoint and the start of the next. */
  public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS =
      ConfigOption.key("execution.checkpointing.min-pause")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription("Least time between the end of one checkpoint and the start of the next, so a job"
              + " whose checkpoints are slow still makes progress; with a pause above 0 at most one checkpoint"
              + " runs at a time.");

  /** How many checkpoints may be in progress at once. */
  public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS =
      ConfigOption.key("execution.checkpointing.max-concurrent-checkpoints")
          .intType()
          .defaultValue(1)
          .withDescription("Checkpoints that may be in progress at the same time; a new one is not triggered"
              + " while this many are pending.");

  /** How many consecutive checkpoint failures are tolerated before the job fails over. */
  public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER =
      ConfigOption.key("execution.checkpointing.tolerable-failed-checkpoints")
          .intType()
          .defaultValue(0)
          .withDescription("Consecutive failed checkpoints (errors, timeouts) tolerated before the job fails"
              + " over; 0 fails it on the first. A checkpoint declined by a task whose input just ended, or"
              + " overtaken by a later one, does not count.");

  /** How many unreadable checkpoints recovery may skip for an older retained one. */
  public static final ConfigOption<Integer> TOLERABLE_CORRUPT_CHECKPOINTS =
      ConfigOption.key("execution.checkpointing.tolerable-corrupt-checkpoints")
          .intType()
          .defaultValue(0)
          .withDescription("How many of the job's newest checkpoints in a row may be skipped for the retained one"
              + " before them when they cannot be read (a file missing, cut short or failing its checksum): on"
              + " recovery after a failure, when a job starts from its checkpoint directory, and when a new"
              + " leader resumes it. 0 fails the job instead, naming the checkpoint and the file. Skipping risks"
              + " duplicates: sinks whose output was committed after the older checkpoint (exactly-once sinks)"
              + " emit that output again. Never falls back to empty state, nor replaces a savepoint or"
              + " checkpoint that the job was explicitly started from.");

  /** What happens to retained checkpoints when the job ends. */
  public static final ConfigOption<ExternalizedCheckpointRetention> EXTERNALIZED_CHECKPOINT_RETENTION =
      ConfigOption.key("execution.checkpointing.externalized-checkpoint-retention")
          .enumType(ExternalizedCheckpointRetention.class)
          .defaultValue(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS)
          .withDescription("Whether retained checkpoints outlive the job: no_externalized_checkpoints deletes"
              + " them when it ends, retain_on_cancellation keeps them when it is cancelled (to resume from"
              + " them), delete_on_cancellation keeps them only when it fails.");

  /** Whether barriers may overtake buffered records. */
  public static final ConfigOption<Boolean> ENABLE_UNALIGNED =
      ConfigOption.key("execution.checkpointing.unaligned.enabled")
          .booleanType()
          .defaultValue(false)
          .withDescription("Barriers overtake buffered records, which become part of the checkpoint, so"
              + " checkpoints complete quickly under backpressure; needs exactly_once mode.");

  /** How long barriers wait for alignment before the checkpoint switches to unaligned. */
  public static final ConfigOption<Duration> ALIGNED_CHECKPOINT_TIMEOUT =
      ConfigOption.key("execution.checkpointing.aligned-checkpoint-timeout")
          .durationType()
          .defaultValue(Duration.ZERO)
          .withDescription("With unaligned checkpoints enabled, a checkpoint starts aligned and switches to"
              + " unaligned when its barriers have waited this long; 0 means it is unaligned from the start.");

  /** Whether checkpoints go on once some tasks finished, and finished tasks wait for a final checkpoint. */
  public static final ConfigOption<Boolean> ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH =
      ConfigOption.key("execution.checkpointing.checkpoints-after-tasks-finish.enabled")
          .booleanType()
          .defaultValue(true)
          .withDescription("With checkpointing on, checkpoints go on while some tasks have finished, and a task"
              + " that reached the end of its input finishes its operators and ends only once a checkpoint taken"
              + " after that completed (its final checkpoint, on which two-phase sinks commit their last"
              + " transaction); false: checkpoints stop at the first finished task and sinks commit at the end of"
              + " their input.");

  /** How many completed checkpoints are kept. */
  public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS =
      ConfigOption.key("state.checkpoints.num-retained")
          .intType()
          .defaultValue(1)
          .withDescription("Completed checkpoints kept in storage; older ones are deleted.");

  /** Where checkpoint data and metadata are written. */
  public static final ConfigOption<String> CHECKPOINTS_DIRECTORY =
      ConfigOption.key("state.checkpoints.dir")
          .stringType()
          .noDefaultValue()
          .withDescription("Directory (path or file URI) for checkpoint data and metadata, one subdirectory per"
              + " job; unset keeps checkpoints in the JobMaster's memory, which does not survive the process.");

  /** The default target directory of savepoints. */
  public static final ConfigOption<String> SAVEPOINT_DIRECTORY =
      ConfigOption.key("state.savepoints.dir")
          .stringType()
          .noDefaultValue()
          .withDescription("Default directory (path or file URI) of savepoints triggered without a target.");

  /** State files smaller than this are stored inline in the checkpoint metadata. */
  public static final ConfigOption<MemorySize> FS_SMALL_FILE_THRESHOLD =
      ConfigOption.key("state.storage.fs.memory-threshold")
          .memoryType()
          .defaultValue(MemorySize.ofKibiBytes(20))
          .withDescription("State smaller than this (at most 1 mb) is inlined in the checkpoint's metadata"
              + " instead of written to a file of its own.");

  /** The smallest allowed checkpoint interval and timeout. */
  public static final Duration MINIMAL_CHECKPOINT_TIME = Duration.ofMillis(10);

  /** The largest allowed {@link #FS_SMALL_FILE_THRESHOLD}. */
  public static final MemorySize MAX_FS_SMALL_FILE_THRESHOLD = MemorySize.ofMebiBytes(1);

  /**
   * Whether a job with configuration {@code conf} takes checkpoints: an interval is set and the
   * job does not run in BATCH mode.
   */
  public static boolean isCheckpointingEnabled(Configuration conf) {
    return conf.get(CoreOptions.RUNTIME_MODE) != RuntimeExecutionMode.BATCH
        && conf.getOptional(CHECKPOINTING_INTERVAL).isPresent();
  }

  /**
   * {@code directory}, the value of {@code option}, as a URI: one with a scheme as given, a local path
   * as the absolute {@code file:} URI it names from this process's working directory.
   *
   * @throws IllegalConfigurationException naming the option if {@code directory} is empty, or neither a URI nor a path
   */
  public static URI directoryUri(ConfigOption<String> option, String directory) {
    Objects.requireNonNull(directory, option.key());
    if (directory.isBlank()) {
      throw new IllegalConfigurationException("Invalid " + option.key() + ": the directory is empty.");
    }
    String trimmed = directory.trim();
    try {
      if (trimmed.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
        URI uri = new URI(trimmed);
        if (!uri.isOpaque()) {
          return uri;
        }
      }
      return Path.of(trimmed).toAbsolutePath().normalize().toUri();
    } catch (URISyntaxException | InvalidPathException e) {
      throw new IllegalConfigurationException("Invalid " + option.key() + ": '" + directory
          + "' is neither a URI such as file:///data/checkpoints nor a local path (" + e.getMessage() + ").");
    }
  }

  // ---------------------------------------------------------------- snapshot compression (ExecutionConfig)

  /** Flink's switch for compressing keyed state snapshots; Spate's snapshots are not compressed. */
  public static final ConfigOption<Boolean> SNAPSHOT_COMPRESSION =
      ConfigOption.key("execution.checkpointing.snapshot-compression")
          .booleanType()
          .defaultValue(false)
          .withDescription("Kept for Flink compatibility: Spate writes snapshots uncompressed, so true is accepted"
              + " and logged but not applied.");
  // ---------------------------------------------------------------- recovery without in-flight records

  /**
   * The checkpoint whose in-flight records (those an unaligned checkpoint stored) a recovery from it
   * drops, or -1 for none.
   */
  public static final ConfigOption<Long> CHECKPOINT_ID_OF_IGNORED_IN_FLIGHT_DATA =
      ConfigOption.key("execution.checkpointing.recover-without-channel-state.checkpoint-id")
          .longType()
          .defaultValue(-1L)
          .withDescription("A job that recovers from the checkpoint with this id restores its state but drops the"
              + " in-flight records the unaligned checkpoint stored, for a recovery that those records would"
              + " fail; -1 restores them from every checkpoint.");
}
