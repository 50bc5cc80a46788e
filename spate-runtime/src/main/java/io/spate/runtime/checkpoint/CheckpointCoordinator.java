package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.SavepointOptions;
import io.spate.runtime.FileTrees;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.checkpoint.storage.CheckpointStorage;
import io.spate.runtime.checkpoint.storage.CheckpointStorageLocation;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.checkpoint.storage.FileSystemCheckpointStorage;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.graph.StreamNode;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import io.spate.runtime.execution.ExecutionAttemptID;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job's checkpoints, on the JobMaster's thread: triggers them periodically (and savepoints on
 * request) by sending barriers to the sources, collects the subtasks' acknowledgements, writes the
 * metadata, keeps the latest completed checkpoints for recovery, and tells everyone when a checkpoint
 * completed or was aborted. Failed checkpoints beyond the tolerable number fail the job.
 */
public final class CheckpointCoordinator {

  /** Runs an action on the JobMaster's thread after a delay. */
  @FunctionalInterface
  public interface Scheduler {
    /** Runs {@code action} on the coordinator's thread in {@code delayMillis}. */
    void schedule(Runnable action, long delayMillis);
  }

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
  private static final int STATISTICS_HISTORY = 20;

  private final JobGraph job;
  private final CheckpointSettings settings;
  private final CheckpointStorage storage;
  private final CheckpointParticipants participants;
  private final Scheduler scheduler;
  private final Executor mainThread;
  private final Executor io;
  private final Consumer<Throwable> failJob;
  private final CompletedCheckpointStore store;
  private final Map<Long, PendingCheckpoint> pending = new TreeMap<>();
  private final Deque<CompletedCheckpoint> completed = new ArrayDeque<>();
  private final Deque<CheckpointStatistics> history = new ArrayDeque<>();
  // Guarded by history, like it; at most detailsHistorySize (web.checkpoints.history).
  private final Deque<CheckpointDetails> detailsHistory = new ArrayDeque<>();
  private int detailsHistorySize = 10;
  private volatile CheckpointStatistics latestSavepoint;
  // Written on the coordinator's thread, read by metric reporters on theirs.
  private volatile long completedCount;
  private volatile long failedCount;
  private volatile long lastDurationMillis = -1;
  private volatile long lastCheckpointedSize = -1;
  private volatile long lastFullSize = -1;
  private long nextCheckpointId = 1;
  // Final checkpoints: the id the next checkpoint was to get when a subtask last reported that it
  // waits for one (a checkpoint with at least this id is final for every subtask waiting then), the
  // newest such value a final checkpoint was triggered for, and the newest id that completed.
  private long awaitingSince = -1;
  private long finalTriggeredFor = -1;
  private long newestCompletedId = -1;
  private long lastCompletionMillis;
  private int consecutiveFailures;
  private boolean periodicRunning;
  private long periodicGeneration;
  private boolean shutDown;
  // Checkpoints whose metadata is being written: deleted if the job ends before they are registered.
  private final Set<PendingCheckpoint> finalizing = new HashSet<>();
  private CheckpointMetadata restoredFrom;
  private String restoredFromPointer;
  // A claimed one is deleted once subsumed, so it stands in for a newer checkpoint only while retained.
  private boolean restoredFromClaimed;
  // Whether the job started from a checkpoint it recorded itself (a new leader resumed it), not one a user chose.
  private boolean resumedOwnCheckpoint;
  // Unreadable checkpoints skipped since the last one completed.
  private int skippedUnreadable;
  private RestoredCheckpoint latestRestore;
  // A checkpoint the job starts from without claiming it is not registered: its files belong to whoever made it.
  private final SharedStateRegistry sharedState = new SharedStateRegistry();
  // Where files may be deleted: metadata read from disk can name any path as a state file.
  private final OwnedDirectories owned = new OwnedDirectories();

  /**
   * Creates the coordinator, recording completed checkpoints in {@code store}; periodic checkpoints
   * start with {@link #startPeriodicCheckpoints()}.
   */
  public CheckpointCoordinator(JobGraph job, CheckpointSettings settings, CheckpointStorage storage,
      CheckpointParticipants participants, Scheduler scheduler, Executor mainThread, Executor io,
      Consumer<Throwable> failJob, CompletedCheckpointStore store) {
    this.job = job;
    this.settings = settings;
    this.storage = storage;
    this.participants = participants;
    this.scheduler = scheduler;
    this.mainThread = mainThread;
    this.io = io;
    this.failJob = failJob;
    this.store = store;
    if (storage instanceof FileSystemCheckpointStorage files) {
      owned.add(files.jobDirectory());
    }
  }

  /**
   * Takes over the checkpoints that an earlier run of this job recorded, when a new leader resumes the
   * job from the newest recorded one, checkpoint {@code restoredId} in {@code restoredDirectory}. The
   * older recorded checkpoints are retained as if they had completed here, so that newer ones subsume
   * and delete them. The checkpoint directories beside them that no record names are deleted: the
   * earlier run wrote them but never recorded them, so no sink committed their output and no leader
   * resumes from them, and this run would otherwise reuse their ids. Does nothing when the job restores
   * from anything else. Call before {@link #setRestoredFrom}.
   *
   * @throws IOException if the records cannot be read
   */
  public void takeOverRecorded(long restoredId, Path restoredDirectory) throws IOException {
    NavigableMap<Long, String> recorded = store.recorded();
    String restoredPointer = recorded.get(restoredId);
    if (restoredPointer == null || !normalized(Path.of(restoredPointer)).equals(normalized(restoredDirectory))) {
      return;
    }
    resumedOwnCheckpoint = true;
    for (Map.Entry<Long, String> older : recorded.headMap(restoredId, false).entrySet()) {
      try {
        CheckpointPaths.Loaded loaded = CheckpointPaths.loadResolved(older.getValue());
        own(loaded.directory());
        sharedState.register(older.getKey(), loaded.metadata(), false);
        completed.addLast(new CompletedCheckpoint(loaded.metadata(), older.getValue(),
            CheckpointPaths.existing(loaded.directory())));
      } catch (IOException | RuntimeException e) {
        LOG.warn("Job {}: recorded checkpoint {} at {} does not read, so its files are left as they are: {}",
            job.jobId(), older.getKey(), older.getValue(), e.getMessage());
      }
    }
    Path jobDirectory = normalized(restoredDirectory).getParent();
    if (jobDirectory == null || !jobDirectory.getFileName().toString().equals(job.jobId().toString())) {
      return; // not this job's own directory: its other contents are not ours to judge
    }
    Set<Path> recordedDirectories = new HashSet<>();
    recorded.values().forEach(pointer -> recordedDirectories.add(normalized(Path.of(pointer))));
    for (Path directory : CheckpointPaths.checkpointDirectories(jobDirectory)) {
      if (!recordedDirectories.contains(normalized(directory))) {
        LOG.info("Job {}: deleting {}, which an earlier run of the job wrote but never recorded", job.jobId(),
            directory);
        try {
          FileTrees.delete(directory);
        } catch (IOException e) {
          LOG.warn("Job {}: could not delete {}: {}", job.jobId(), directory, e.toString());
        }
      }
    }
  }

  /**
   * Allows deleting the claimed or taken-over checkpoint in {@code directory} and the shared files
   * beside it, in the {@code shared} directory of the job directory it is in.
   */
  private void own(Path directory) {
    owned.add(directory);
    Path jobDirectory = normalized(directory).getParent();
    if (jobDirectory != null) {
      owned.add(jobDirectory.resolve(FileSystemCheckpointStorage.SHARED_DIRECTORY));
    }
  }

  /** Whether {@code handle}'s file may be deleted; logs a WARN naming it when not. */
  private boolean mayDelete(StreamStateHandle handle, String what) {
    if (!(handle instanceof FileStateHandle file) || owned.contains(file.path())) {
      return true;
    }
    LOG.warn("Job {}: not deleting {} {}: it lies outside the job's checkpoint directory and the snapshots it"
        + " claimed ({})", job.jobId(), what, file.path(), owned);
    return false;
  }

  private static Path normalized(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /**
   * Notes that the job started from {@code metadata} (a savepoint or retained checkpoint): ids
   * continue after it. A claimed one ({@code execution.savepoint-restore-mode: CLAIM}) becomes the
   * job's own: it is retained like a checkpoint the job completed, so that it is deleted once newer
   * ones subsume it, and incremental checkpoints may build on its shared files.
   *
   * @param pointer where it was read from, for messages
   * @param location where it is, to delete it once subsumed; null unless claimed
   */
  public void setRestoredFrom(CheckpointMetadata metadata, String pointer, CheckpointStorageLocation location) {
    restoredFrom = metadata;
    restoredFromPointer = pointer;
    restoredFromClaimed = location != null;
    nextCheckpointId = Math.max(nextCheckpointId, metadata.checkpointId() + 1);
    if (location != null && (completed.isEmpty() || completed.peekLast().checkpointId() < metadata.checkpointId())) {
      if (location.directory() != null) {
        own(location.directory());
      }
      sharedState.register(metadata.checkpointId(), metadata, false);
      completed.addLast(new CompletedCheckpoint(metadata, null, location));
    }
  }

  /** The newest checkpoint to recover from: the latest completed one, else the one the job started from. */
  public CheckpointMetadata latestForRecovery() {
    return completed.isEmpty() ? restoredFrom : completed.peekLast().metadata();
  }

  /** Notes that the job's subtasks are being deployed with the state of {@code metadata}. */
  public void noteRestore(CheckpointMetadata metadata) {
    long count = latestRestore == null ? 1 : latestRestore.restoreCount() + 1;
    latestRestore = new RestoredCheckpoint(metadata.checkpointId(), metadata.type().isSavepoint(),
        System.currentTimeMillis(), count);
  }

  /** The latest restore from a snapshot, or null if the job has not restored any. */
  public RestoredCheckpoint latestRestore() {
    return latestRestore;
  }

  /**
   * What {@code snapshot} is and where, for messages: "savepoint 3 at /dir" or "checkpoint 7 at
   * /dir/chk-7" ("in memory" when it is not in files).
   */
  public String describe(CheckpointMetadata snapshot) {
    String what = (snapshot.type().isSavepoint() ? "savepoint " : "checkpoint ") + snapshot.checkpointId();
    if (snapshot == restoredFrom && restoredFromPointer != null) {
      return what + " at " + restoredFromPointer;
    }
    for (CompletedCheckpoint checkpoint : completed) {
      if (checkpoint.metadata() == snapshot && checkpoint.externalPointer() != null) {
        return what + " at " + checkpoint.externalPointer();
      }
    }
    return what + " (in memory)";
  }

  /**
   * Subtasks could not read {@code unreadable} (a file of it is missing or damaged): decides whether
   * recovery may go back to the checkpoint before it. Never for the snapshot the job was started from
   * when a user chose it (unlike the job's own checkpoint that a new leader resumed it from), never
   * beyond {@code execution.checkpointing.tolerable-corrupt-checkpoints}
   * since the last checkpoint completed, and never to no state at all. Reporting a snapshot that was
   * already skipped (several subtasks read it) changes nothing.
   *
   * @return why recovery may not go back, or null when it goes back to {@link #latestForRecovery()} now
   */
  public String skipUnreadable(CheckpointMetadata unreadable, String reason) {
    if (unreadable == restoredFrom && !resumedOwnCheckpoint) {
      return "the job was started from it (" + SavepointOptions.SAVEPOINT_PATH.key() + "), and no other snapshot"
          + " stands in for the one asked for";
    }
    CompletedCheckpoint newest = completed.peekLast();
    if (newest == null || newest.metadata() != unreadable) {
      return null; // another subtask found it unreadable first: recovery goes back already
    }
    if (skippedUnreadable >= settings.tolerableCorrupt()) {
      return "recovery does not go back to an older checkpoint, since sinks may have committed output after it ("
          + CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS.key() + ": " + settings.tolerableCorrupt()
          + (settings.tolerableCorrupt() > 0 ? ", skipped in a row already: " + skippedUnreadable : "") + ")";
    }
    boolean olderOne = completed.size() > 1
        || (restoredFrom != null && restoredFrom != unreadable && !restoredFromClaimed);
    if (!olderOne) {
      return "no older checkpoint is retained (" + CheckpointingOptions.MAX_RETAINED_CHECKPOINTS.key() + ": "
          + settings.retained() + "), and recovery never starts from empty state";
    }
    String skipped = describe(unreadable);
    completed.pollLast();
    releaseShared(newest.checkpointId());
    if (unreadable == restoredFrom) {
      restoredFrom = null;
    }
    skippedUnreadable++;
    LOG.warn("Job {}: {} cannot be read ({}); recovering from the older {} instead, as {} allows: sinks may emit"
        + " again the output they committed after it", job.jobId(), skipped, reason, describe(latestForRecovery()),
        CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS.key());
    return null;
  }

  // ------------------------------------------------------------------ triggering

  /** Starts triggering checkpoints every interval. */
  public void startPeriodicCheckpoints() {
    if (!settings.isEnabled() || shutDown) {
      return;
    }
    periodicRunning = true;
    long generation = ++periodicGeneration;
    scheduler.schedule(() -> periodicTrigger(generation), settings.interval());
  }

  /** Stops triggering checkpoints (during a restart, or when the job ends). */
  public void stopPeriodicCheckpoints() {
    periodicRunning = false;
    periodicGeneration++;
  }

  private void periodicTrigger(long generation) {
    if (!periodicRunning || generation != periodicGeneration) {
      return;
    }
    long delay = settings.interval();
    if (pending.size() < settings.maxConcurrent()) {
      long sinceLast = System.currentTimeMillis() - lastCompletionMillis;
      if (lastCompletionMillis > 0 && sinceLast < settings.minPauseMillis()) {
        delay = settings.minPauseMillis() - sinceLast;
      } else {
        triggerCheckpoint(settings.checkpointOptions(), null);
      }
    }
    scheduler.schedule(() -> periodicTrigger(generation), delay);
  }

  /**
   * Triggers a savepoint of {@code type} into a new directory under {@code targetDirectory} (the
   * configured default when null); completes with the savepoint's directory.
   */
  public CompletableFuture<String> triggerSavepoint(String targetDirectory, CheckpointType type) {
    String target = targetDirectory != null ? targetDirectory : settings.savepointDirectory();
    if (target == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("No savepoint directory given and none"
          + " configured (state.savepoints.dir): say where the savepoint goes."));
    }
    String directory;
    try {
      directory = CheckpointPaths.newSavepointDirectory(target, job.jobId().toString());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<String> result = new CompletableFuture<>();
    triggerCheckpoint(CheckpointOptions.savepoint(type, directory), result);
    return result;
  }

  private void triggerCheckpoint(CheckpointOptions options, CompletableFuture<String> result) {
    if (shutDown) {
      failResult(result, "the job is ending");
      return;
    }
    Collection<ExecutionAttemptID> subtasks = participants.runningSubtasksOrNull();
    if (subtasks == null) {
      // Not a failure of the checkpoint: some subtask is not running yet (or any more).
      failResult(result, "not all tasks of the job are running");
      return;
    }
    long id = nextCheckpointId++;
    long timestamp = System.currentTimeMillis();
    CheckpointStorageLocation location;
    try {
      location = storage.initializeLocation(id, options);
    } catch (Exception e) {
      recordFailure(new PendingCheckpoint(id, timestamp, options, null, subtasks, result), "the checkpoint storage"
          + " failed: " + e.getMessage(), true);
      return;
    }
    Map<String, byte[]> coordinatorStates;
    try {
      coordinatorStates = participants.snapshotCoordinators(id);
    } catch (Exception e) {
      PendingCheckpoint failed = new PendingCheckpoint(id, timestamp, options, location, subtasks, result);
      recordFailure(failed, "a source's split enumerator could not snapshot its state: " + e, true);
      discard(failed);
      return;
    }
    PendingCheckpoint checkpoint = new PendingCheckpoint(id, timestamp, options, location, subtasks, result);
    checkpoint.finished.addAll(participants.finishedSubtasks());
    checkpoint.coordinatorStates.putAll(coordinatorStates);
    pending.put(id, checkpoint);
    scheduler.schedule(() -> {
      if (pending.containsKey(id)) {
        abort(pending.get(id), "it did not complete within the checkpoint timeout of " + settings.timeoutMillis()
            + " ms", true);
      }
    }, settings.timeoutMillis());
    participants.triggerSources(new CheckpointBarrier(id, timestamp, options));
  }

  // ------------------------------------------------------------------ acknowledgements

  /** A subtask acknowledged checkpoint {@code checkpointId}. */
  public void acknowledge(ExecutionAttemptID attemptId, long checkpointId, Map<String, OperatorSubtaskState> states,
      TaskCheckpointMetrics metrics) {
    PendingCheckpoint checkpoint = pending.get(checkpointId);
    if (checkpoint == null || !checkpoint.notYetAcknowledged.remove(attemptId)) {
      if (checkpoint == null && !sharedState.isRegistered(checkpointId)) {
        // Late for an aborted checkpoint: its files go with the checkpoint's directory, except the
        // shared files it uploaded, which live outside it.
        discardIncrementalAsync(states.values());
      }
      return;
    }
    checkpoint.acknowledged.put(attemptId, states);
    if (metrics.operatorsFinished()) {
      checkpoint.finished.add(attemptId);
    }
    checkpoint.addMetrics(metrics);
    checkpoint.acks.add(SubtaskCheckpointStatistics.of(attemptId.vertexId(), attemptId.subtaskIndex(),
        System.currentTimeMillis(), metrics));
    if (checkpoint.notYetAcknowledged.isEmpty()) {
      complete(checkpoint);
    }
  }

  /**
   * A subtask declined checkpoint {@code checkpointId}; the checkpoint counts as failed only if the
   * subtask could not take its part (not when it was ending, or a later checkpoint overtook it).
   */
  public void decline(ExecutionAttemptID attemptId, long checkpointId, DeclineKind kind, String reason) {
    PendingCheckpoint checkpoint = pending.get(checkpointId);
    if (checkpoint != null && checkpoint.notYetAcknowledged.contains(attemptId)) {
      abort(checkpoint, "a subtask declined it: " + reason, kind.countsAsFailure());
      maybeTriggerFinalCheckpoint();
    }
  }

  private void complete(PendingCheckpoint checkpoint) {
    pending.remove(checkpoint.id);
    CheckpointMetadata metadata = checkpoint.toMetadata(job);
    if (!checkpoint.options.type().isSavepoint()) {
      try {
        // Registered before anything can subsume the checkpoints whose files this one references.
        sharedState.register(checkpoint.id, metadata, true);
      } catch (CheckpointException e) {
        recordFailure(checkpoint, e.getMessage(), true);
        discard(checkpoint);
        participants.notifyAborted(checkpoint.id);
        return;
      }
    }
    finalizing.add(checkpoint);
    io.execute(() -> {
      String pointer;
      String step = "its metadata could not be written: ";
      try {
        pointer = checkpoint.location.finalizeCheckpoint(metadata);
        checkpoint.writtenPointer = pointer;
        if (pointer != null && !checkpoint.options.type().isSavepoint()) {
          step = "it could not be recorded for recovery: ";
          store.add(checkpoint.id, pointer);
          checkpoint.recorded = true;
        }
      } catch (Exception e) {
        String reason = step + e.getMessage();
        mainThread.execute(() -> {
          if (!finalizing.remove(checkpoint)) {
            return; // the job ended meanwhile
          }
          recordFailure(checkpoint, reason, true);
          releaseShared(checkpoint.id);
          discard(checkpoint);
          participants.notifyAborted(checkpoint.id);
        });
        return;
      }
      mainThread.execute(() -> onWritten(checkpoint, metadata, pointer));
    });
  }

  private void onWritten(PendingCheckpoint checkpoint, CheckpointMetadata metadata, String pointer) {
    if (!finalizing.remove(checkpoint)) {
      return; // the job ended meanwhile; shutdown() took care of it
    }
    consecutiveFailures = 0;
    if (!checkpoint.options.type().isSavepoint()) {
      skippedUnreadable = 0;
    }
    lastCompletionMillis = System.currentTimeMillis();
    newestCompletedId = Math.max(newestCompletedId, checkpoint.id);
    CompletedCheckpoint done = new CompletedCheckpoint(metadata, pointer, checkpoint.location);
    if (!checkpoint.options.type().isSavepoint()) {
      completed.addLast(done);
      while (completed.size() > settings.retained()) {
        CompletedCheckpoint old = completed.pollFirst();
        discardSubsumed(old);
        releaseShared(old.checkpointId());
      }
    }
    recordStatistics(checkpoint, CheckpointStatistics.Status.COMPLETED, pointer, null);
    LOG.info("Job {}: {} {} completed in {} ms ({} bytes){}", job.jobId(),
        checkpoint.options.type().isSavepoint() ? "savepoint" : "checkpoint", checkpoint.id,
        System.currentTimeMillis() - checkpoint.timestamp, metadata.getStateSize(),
        pointer == null ? "" : " at " + pointer);
    // Older pending checkpoints can no longer be useful: this one subsumes them.
    for (PendingCheckpoint older : new ArrayList<>(pending.values())) {
      if (older.id < checkpoint.id && !older.options.type().isSavepoint()) {
        abort(older, "checkpoint " + checkpoint.id + " completed first", false);
      }
    }
    participants.notifyComplete(checkpoint.id);
    if (checkpoint.result != null) {
      checkpoint.result.complete(pointer);
    }
    maybeTriggerFinalCheckpoint();
  }

  // ------------------------------------------------------------------ final checkpoints

  /**
   * A subtask finished its operators and waits for a final checkpoint: if every subtask still running
   * does, one is taken now rather than at the next interval, so that a bounded job ends promptly.
   */
  public void onSubtaskAwaitingFinalCheckpoint() {
    awaitingSince = nextCheckpointId;
    maybeTriggerFinalCheckpoint();
  }

  /**
   * Triggers a checkpoint at once when every running subtask waits for its final checkpoint, none is
   * in progress, and no checkpoint triggered after the last of them began to wait has completed (then
   * they are ending already). At most once for each such wait: if it fails, the periodic ones follow.
   */
  private void maybeTriggerFinalCheckpoint() {
    if (shutDown || !settings.isEnabled() || awaitingSince < 0 || !pending.isEmpty()
        || finalTriggeredFor >= awaitingSince || newestCompletedId >= awaitingSince
        || !participants.allRunningAwaitFinalCheckpoint()) {
      return;
    }
    finalTriggeredFor = awaitingSince;
    LOG.debug("Job {}: every running subtask waits for its final checkpoint; triggering one now", job.jobId());
    triggerCheckpoint(settings.checkpointOptions(), null);
  }

  // ------------------------------------------------------------------ failures

  /**
   * Subtask {@code attemptId} finished its input: pending checkpoints it has not acknowledged cannot
   * complete any more. They are aborted without counting as failures, since nothing went wrong.
   */
  public void onSubtaskFinished(ExecutionAttemptID attemptId) {
    for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
      if (checkpoint.notYetAcknowledged.contains(attemptId)) {
        abort(checkpoint, "a subtask finished before it acknowledged", false);
      }
    }
    maybeTriggerFinalCheckpoint();
  }

  /** Aborts every pending checkpoint (the job is restarting or ending); not counted as failures. */
  public void abortPending(String reason) {
    for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
      abort(checkpoint, reason, false);
    }
  }

  private void abort(PendingCheckpoint checkpoint, String reason, boolean countsAsFailure) {
    if (pending.remove(checkpoint.id) == null) {
      return;
    }
    recordFailure(checkpoint, reason, countsAsFailure);
    discard(checkpoint);
    participants.notifyAborted(checkpoint.id);
  }

  private void recordFailure(PendingCheckpoint checkpoint, String reason, boolean countsAsFailure) {
    String what = checkpoint.options.type().isSavepoint() ? "Savepoint" : "Checkpoint";
    String message = what + " " + checkpoint.id + " of job '" + job.jobName() + "' failed: " + reason;
    if (countsAsFailure) {
      LOG.warn("{}", message);
    } else {
      LOG.info("{}", message);
    }
    recordStatistics(checkpoint, CheckpointStatistics.Status.FAILED, null, reason);
    failResult(checkpoint.result, reason);
    if (countsAsFailure && !checkpoint.options.type().isSavepoint() && !shutDown) {
      consecutiveFailures++;
      if (consecutiveFailures > settings.tolerableFailures()) {
        consecutiveFailures = 0;
        failJob.accept(new CheckpointException("Job '" + job.jobName() + "' (" + job.jobId() + ") failed: more"
            + " checkpoints failed in a row than the " + settings.tolerableFailures() + " tolerated"
            + " (execution.checkpointing.tolerable-failed-checkpoints); the last: " + message));
      }
    }
  }

  private static void failResult(CompletableFuture<String> result, String reason) {
    if (result != null) {
      result.completeExceptionally(new CheckpointException(reason));
    }
  }

  private void discard(PendingCheckpoint checkpoint) {
    if (checkpoint.location != null) {
      discardAsync(checkpoint.location, checkpoint.id);
    }
    for (Map<String, OperatorSubtaskState> states : checkpoint.acknowledged.values()) {
      discardIncrementalAsync(states.values());
    }
  }

  /**
   * Deletes the shared files that the incremental snapshots among {@code states} uploaded, which live
   * outside the checkpoint's directory; the files they only reference belong to older checkpoints.
   */
  private void discardIncrementalAsync(Collection<OperatorSubtaskState> states) {
    List<KeyedStateHandle> incremental = new ArrayList<>();
    for (OperatorSubtaskState state : states) {
      for (KeyedStateHandle handle : state.keyedState()) {
        if (handle instanceof IncrementalKeyedStateHandle) {
          incremental.add(handle);
        }
      }
    }
    if (incremental.isEmpty()) {
      return;
    }
    io.execute(() -> {
      for (KeyedStateHandle handle : incremental) {
        for (StreamStateHandle file : ((IncrementalKeyedStateHandle) handle).writtenFiles()) {
          if (!mayDelete(file, "the state file")) {
            continue;
          }
          try {
            file.discardState();
          } catch (Exception e) {
            LOG.warn("Could not delete the file {} of {}: {}", file, handle, e.toString());
          }
        }
      }
    });
  }

  /** Releases the shared files of checkpoint {@code id} and deletes those no retained checkpoint references. */
  private void releaseShared(long id) {
    List<StreamStateHandle> unreferenced = sharedState.unregister(id);
    if (unreferenced.isEmpty()) {
      return;
    }
    io.execute(() -> {
      for (StreamStateHandle handle : unreferenced) {
        if (!mayDelete(handle, "the shared state file")) {
          continue;
        }
        try {
          handle.discardState();
        } catch (Exception e) {
          LOG.warn("Could not delete the shared state file {} of checkpoint {}: {}", handle, id, e.toString());
        }
      }
    });
  }

  /** Completes a savepoint whose metadata was being written as the job ended, or fails it if the write failed. */
  private void settleFinalizingSavepoint(PendingCheckpoint checkpoint, JobStatus finalStatus) {
    if (checkpoint.writtenPointer != null) {
      recordStatistics(checkpoint, CheckpointStatistics.Status.COMPLETED, checkpoint.writtenPointer, null);
      if (checkpoint.result != null) {
        checkpoint.result.complete(checkpoint.writtenPointer);
      }
    } else {
      String reason = "the job reached " + finalStatus + " while the savepoint was being written, and its metadata"
          + " could not be written";
      recordStatistics(checkpoint, CheckpointStatistics.Status.FAILED, null, reason);
      failResult(checkpoint.result, reason);
    }
  }

  /**
   * On the I/O thread, after its metadata write: settles a checkpoint that was being finalized when
   * the job ended with its checkpoints retained. One already recorded for recovery is a retained
   * checkpoint like the completed ones, and subsumes the oldest of {@code older} as it would have
   * had it completed, so that records and files agree; one not recorded is deleted. Shared state is
   * not released in either case: at worst a shared file outlives the job, it is never deleted while a
   * retained checkpoint refers to it.
   */
  private void settleFinalizing(PendingCheckpoint checkpoint, List<CompletedCheckpoint> older, JobStatus finalStatus) {
    if (!checkpoint.recorded) {
      recordStatistics(checkpoint, CheckpointStatistics.Status.FAILED, null,
          "the job reached " + finalStatus + " before the checkpoint was recorded for recovery");
      discard(checkpoint);
      return;
    }
    // Recorded here, not on the main thread: the job's result is handed over after this task, and
    // whoever reads the statistics then must see the checkpoint that the job retained.
    recordStatistics(checkpoint, CheckpointStatistics.Status.COMPLETED, checkpoint.writtenPointer, null);
    LOG.info("Job {}: checkpoint {} completed as the job reached {}, and is retained at {}", job.jobId(),
        checkpoint.id, finalStatus, checkpoint.writtenPointer);
    for (int i = 0; i < older.size() + 1 - settings.retained(); i++) {
      discardSubsumedNow(older.get(i));
    }
  }

  /** On the I/O thread: removes the record for recovery of a checkpoint about to be deleted, if it has one. */
  private void forgetIfRecorded(PendingCheckpoint checkpoint) {
    if (checkpoint.recorded && !store.remove(checkpoint.id)) {
      LOG.warn("Job {}: the record for recovery of checkpoint {} could not be removed; its files are deleted",
          job.jobId(), checkpoint.id);
    }
  }

  /** Forgets a subsumed checkpoint in the store and then deletes its files, on the I/O thread. */
  private void discardSubsumed(CompletedCheckpoint checkpoint) {
    io.execute(() -> discardSubsumedNow(checkpoint));
  }

  private void discardSubsumedNow(CompletedCheckpoint checkpoint) {
    if (!store.remove(checkpoint.checkpointId())) {
      LOG.warn("Job {}: keeping the files of subsumed checkpoint {}, since its record for recovery could not be"
          + " removed", job.jobId(), checkpoint.checkpointId());
      return;
    }
    discardCompleted(checkpoint);
  }

  /** Deletes the directory of completed checkpoint {@code checkpoint} if the job owns it; on the I/O thread. */
  private void discardCompleted(CompletedCheckpoint checkpoint) {
    Path directory = checkpoint.location().directory();
    if (directory != null && !owned.contains(directory)) {
      LOG.warn("Job {}: not deleting checkpoint {} at {}: it lies outside the job's checkpoint directory and the"
          + " snapshots it claimed ({})", job.jobId(), checkpoint.checkpointId(), directory, owned);
      return;
    }
    discardNow(checkpoint.location(), checkpoint.checkpointId());
  }

  /** Deletes what was written to {@code location}, on the I/O thread (after writes queued before it). */
  private void discardAsync(CheckpointStorageLocation location, long id) {
    io.execute(() -> discardNow(location, id));
  }

  private static void discardNow(CheckpointStorageLocation location, long id) {
    try {
      location.discard();
    } catch (Exception e) {
      LOG.warn("Could not delete checkpoint {}: {}", id, e.toString());
    }
  }

  /**
   * Stops the coordinator as the job reaches {@code finalStatus}: aborts pending checkpoints and
   * deletes or keeps the completed ones according to the externalized-checkpoint retention.
   */
  public void shutdown(JobStatus finalStatus) {
    if (shutDown) {
      return;
    }
    stopPeriodicCheckpoints();
    abortPending("the job reached " + finalStatus);
    shutDown = true;
    boolean keep = switch (settings.retention()) {
      case RETAIN_ON_CANCELLATION -> finalStatus != JobStatus.FINISHED;
      case DELETE_ON_CANCELLATION -> finalStatus == JobStatus.FAILED;
      case NO_EXTERNALIZED_CHECKPOINTS -> false;
    };
    for (PendingCheckpoint checkpoint : finalizing) {
      if (checkpoint.options.type().isSavepoint()) {
        // Every task acknowledged it: once its metadata is written (queued before this on the same
        // thread) it is a complete savepoint, which the job's end does not delete.
        io.execute(() -> settleFinalizingSavepoint(checkpoint, finalStatus));
      } else if (keep) {
        // Its record for recovery may already be written: only the I/O thread, after the write, knows.
        List<CompletedCheckpoint> older = new ArrayList<>(completed);
        io.execute(() -> settleFinalizing(checkpoint, older, finalStatus));
      } else {
        recordStatistics(checkpoint, CheckpointStatistics.Status.FAILED, null,
            "the job reached " + finalStatus + " while the checkpoint was being finalized");
        releaseShared(checkpoint.id);
        // Both queued behind its metadata write on the same thread, which may have recorded it.
        io.execute(() -> forgetIfRecorded(checkpoint));
        discard(checkpoint);
      }
    }
    finalizing.clear();
    if (!keep) {
      for (CompletedCheckpoint checkpoint : completed) {
        io.execute(() -> discardCompleted(checkpoint));
        releaseShared(checkpoint.checkpointId());
      }
    }
  }

  // ------------------------------------------------------------------ statistics

  /** Statistics of the recent checkpoints and savepoints, oldest first, in-progress ones last. */
  public List<CheckpointStatistics> statistics() {
    List<CheckpointStatistics> all;
    synchronized (history) {
      all = new ArrayList<>(history);
    }
    for (PendingCheckpoint checkpoint : pending.values()) {
      all.add(checkpoint.statistics(CheckpointStatistics.Status.IN_PROGRESS, null, null));
    }
    return all;
  }

  /**
   * Keeps the subtasks' acknowledgements of the latest {@code count} checkpoints and savepoints that
   * ended ({@code web.checkpoints.history}), besides those in progress.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public void keepDetailsOf(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("web.checkpoints.history must not be negative, but is " + count + ".");
    }
    synchronized (history) {
      detailsHistorySize = count;
      trimDetails();
    }
  }

  /**
   * The details of the latest checkpoints (oldest first, in-progress ones last), the latest completed
   * savepoint and the counts, for the REST API; on the coordinator's thread.
   */
  public CheckpointStatsSnapshot statsSnapshot(String stateBackend) {
    List<CheckpointDetails> details;
    synchronized (history) {
      details = new ArrayList<>(detailsHistory);
    }
    for (PendingCheckpoint checkpoint : pending.values()) {
      details.add(checkpoint.details(CheckpointStatistics.Status.IN_PROGRESS, null, null));
    }
    return new CheckpointStatsSnapshot(details, latestSavepoint, completedCount, failedCount, pending.size(),
        settings, stateBackend);
  }

  /**
   * Registers the checkpoint metrics of this job in {@code group}: numberOfCompletedCheckpoints,
   * numberOfFailedCheckpoints, lastCheckpointDuration (ms), lastCheckpointSize (bytes written for it)
   * and lastCheckpointFullSize (bytes of the whole state); -1 before the first completed checkpoint.
   * Savepoints count as checkpoints. Also numberOfInProgressCheckpoints, totalNumberOfCheckpoints and
   * lastCheckpointRestoreTimestamp (epoch ms of the latest restore, -1 before any).
   */
  public void registerMetrics(MetricGroup group) {
    group.gauge("numberOfCompletedCheckpoints", (Gauge<Long>) () -> completedCount);
    group.gauge("numberOfFailedCheckpoints", (Gauge<Long>) () -> failedCount);
    group.gauge("lastCheckpointDuration", (Gauge<Long>) () -> lastDurationMillis);
    group.gauge("lastCheckpointSize", (Gauge<Long>) () -> lastCheckpointedSize);
    group.gauge("lastCheckpointFullSize", (Gauge<Long>) () -> lastFullSize);
    // Read from the reporters' threads: the size of the map of pending checkpoints is a recent value.
    group.gauge("numberOfInProgressCheckpoints", (Gauge<Long>) () -> (long) pending.size());
    group.gauge("totalNumberOfCheckpoints", (Gauge<Long>) () -> completedCount + failedCount + pending.size());
    group.gauge("lastCheckpointRestoreTimestamp", (Gauge<Long>) () -> {
      RestoredCheckpoint restore = latestRestore;
      return restore == null ? -1L : restore.restoreTimestamp();
    });
  }

  private void recordStatistics(PendingCheckpoint checkpoint, CheckpointStatistics.Status status, String path,
      String failure) {
    CheckpointDetails details = checkpoint.details(status, path, failure);
    CheckpointStatistics statistics = details.statistics();
    // The main thread records all but the checkpoints settled on the I/O thread as the job ends.
    synchronized (history) {
      recordStatistics(statistics, status);
      detailsHistory.addLast(details);
      trimDetails();
    }
    if (statistics.savepoint() && status == CheckpointStatistics.Status.COMPLETED) {
      latestSavepoint = statistics;
    }
  }

  private void trimDetails() {
    while (detailsHistory.size() > detailsHistorySize) {
      detailsHistory.pollFirst();
    }
  }

  private void recordStatistics(CheckpointStatistics statistics, CheckpointStatistics.Status status) {
    if (status == CheckpointStatistics.Status.COMPLETED) {
      lastDurationMillis = statistics.durationMillis();
      lastCheckpointedSize = statistics.checkpointedSize();
      lastFullSize = statistics.stateSize();
      completedCount++;
    } else if (status == CheckpointStatistics.Status.FAILED) {
      failedCount++;
    }
    history.addLast(statistics);
    while (history.size() > STATISTICS_HISTORY) {
      history.pollFirst();
    }
  }

  /** One checkpoint while subtasks acknowledge it. */
  private static final class PendingCheckpoint {
    final long id;
    final long timestamp;
    final CheckpointOptions options;
    final CheckpointStorageLocation location;
    final Set<ExecutionAttemptID> notYetAcknowledged;
    final int total;
    final Map<ExecutionAttemptID, Map<String, OperatorSubtaskState>> acknowledged = new LinkedHashMap<>();
    final Map<String, byte[]> coordinatorStates = new HashMap<>();
    // The subtasks that had finished when it was triggered, and those whose snapshot was final.
    final Set<ExecutionAttemptID> finished = new HashSet<>();
    final CompletableFuture<String> result;
    // The acknowledgements in the order they arrived, and how many subtasks of each vertex take part.
    final List<SubtaskCheckpointStatistics> acks = new ArrayList<>();
    final Map<Integer, Integer> subtasksByVertex = new TreeMap<>();
    long maxSync;
    long maxAsync;
    long maxAlignment;
    long stateSize;
    long checkpointedSize;
    long inFlightBytes;
    // Set on the I/O thread once the store recorded it; read there by a later task.
    volatile boolean recorded;
    // Set on the I/O thread once the metadata is written; read there by a later task.
    volatile String writtenPointer;

    PendingCheckpoint(long id, long timestamp, CheckpointOptions options, CheckpointStorageLocation location,
        Collection<ExecutionAttemptID> subtasks, CompletableFuture<String> result) {
      this.id = id;
      this.timestamp = timestamp;
      this.options = options;
      this.location = location;
      this.notYetAcknowledged = new HashSet<>(subtasks);
      this.total = subtasks.size();
      this.result = result;
      for (ExecutionAttemptID subtask : subtasks) {
        subtasksByVertex.merge(subtask.vertexId(), 1, Integer::sum);
      }
    }

    void addMetrics(TaskCheckpointMetrics metrics) {
      maxSync = Math.max(maxSync, metrics.syncMillis());
      maxAsync = Math.max(maxAsync, metrics.asyncMillis());
      maxAlignment = Math.max(maxAlignment, metrics.alignmentMillis());
      stateSize += metrics.stateSize();
      checkpointedSize += metrics.checkpointedSize();
      inFlightBytes += metrics.persistedInFlightBytes();
    }

    CheckpointStatistics statistics(CheckpointStatistics.Status status, String path, String failure) {
      return new CheckpointStatistics(id, options.type().isSavepoint(), status, timestamp,
          System.currentTimeMillis() - timestamp, maxSync, maxAsync, maxAlignment, stateSize, inFlightBytes,
          acknowledged.size(), total, path, failure, checkpointedSize);
    }

    CheckpointDetails details(CheckpointStatistics.Status status, String path, String failure) {
      return new CheckpointDetails(statistics(status, path, failure), Map.copyOf(subtasksByVertex), List.copyOf(acks));
    }

    CheckpointMetadata toMetadata(JobGraph job) {
      Map<String, Map<Integer, OperatorSubtaskState>> byOperator = new HashMap<>();
      for (Map.Entry<ExecutionAttemptID, Map<String, OperatorSubtaskState>> ack : acknowledged.entrySet()) {
        int subtask = ack.getKey().subtaskIndex();
        for (Map.Entry<String, OperatorSubtaskState> state : ack.getValue().entrySet()) {
          byOperator.computeIfAbsent(state.getKey(), k -> new HashMap<>()).put(subtask, state.getValue());
        }
      }
      Map<Integer, Set<Integer>> finishedByVertex = new HashMap<>();
      for (ExecutionAttemptID subtask : finished) {
        finishedByVertex.computeIfAbsent(subtask.vertexId(), k -> new HashSet<>()).add(subtask.subtaskIndex());
      }
      Map<String, OperatorState> operators = new LinkedHashMap<>();
      for (JobVertex vertex : job.vertices()) {
        for (StreamNode node : vertex.getChain()) {
          String opId = node.getOperatorId();
          OperatorState state = new OperatorState(opId, node.getName(), node.getParallelism(),
              node.getMaxParallelism(), byOperator.getOrDefault(opId, Map.of()), coordinatorStates.get(opId),
              finishedByVertex.getOrDefault(vertex.getId(), Set.of()));
          if (!state.isEmpty()) {
            operators.put(opId, state);
          }
        }
      }
      return new CheckpointMetadata(id, timestamp, options.type(), operators);
    }
  }
}
