package io.spate.runtime.tasks;

import io.spate.api.connector.source.InputStatus;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.source.PolledSource;

/**
 * Polls the source operator at the head of a source task, starts the checkpoints triggered there once
 * the source is ready for them (also after its end, while the task waits for its final checkpoint),
 * and stops polling for a stop-with-savepoint.
 */
final class SourceInputProcessor implements StreamInputProcessor {

  private static final int MAX_POLLS_PER_STEP = 32;

  private final PolledSource source;
  private final TaskOutputs outputs;
  private final TaskMailbox mailbox;
  private final SubtaskCheckpointCoordinator checkpoints;
  // A triggered checkpoint that waits until the source is ready for it (a source function's lock), or null.
  private CheckpointBarrier pendingBarrier;
  // The stop-with-savepoint this source task stopped reading for, or -1.
  private long stoppedForSavepoint = -1;
  private boolean drainAfterSavepoint;
  private boolean endOfInput;

  SourceInputProcessor(PolledSource source, TaskOutputs outputs, TaskMailbox mailbox,
      SubtaskCheckpointCoordinator checkpoints) {
    this.source = source;
    this.outputs = outputs;
    this.mailbox = mailbox;
    this.checkpoints = checkpoints;
  }

  /** The source operator this task polls. */
  PolledSource source() {
    return source;
  }

  /**
   * Starts checkpoint {@code barrier} here: snapshot, then barrier downstream, now if the source is
   * ready, else on a later step (an older checkpoint still waiting is declined: this one subsumes it).
   */
  void triggerCheckpoint(CheckpointBarrier barrier) {
    if (pendingBarrier != null) {
      checkpoints.abandon(pendingBarrier.checkpointId(), DeclineKind.SUBSUMED,
          "checkpoint " + barrier.checkpointId() + " was triggered before the source was ready for this one");
    }
    pendingBarrier = barrier;
    startPendingCheckpoint();
  }

  private boolean startPendingCheckpoint() {
    CheckpointBarrier barrier = pendingBarrier;
    if (barrier == null) {
      return false;
    }
    // After the end nothing the source does is emitted any more, so it need not be ready: a source
    // function stopped by a draining savepoint may stay blocked holding its lock.
    boolean readied = !endOfInput;
    if (readied && !source.readyForCheckpoint()) {
      return false;
    }
    pendingBarrier = null;
    try {
      beforeCheckpoint(barrier);
      checkpoints.checkpoint(barrier, 0, barrier.options().unaligned());
    } finally {
      if (readied) {
        source.checkpointTaken();
      }
    }
    return true;
  }

  /**
   * Checkpoint {@code barrier} starts here; if it stops the job, polling stops, and a draining stop
   * first fires every window and timer, so that the savepoint holds no pending output.
   */
  void beforeCheckpoint(CheckpointBarrier barrier) {
    if (barrier.options().type().stopsJob() && !endOfInput) {
      drainAfterSavepoint = barrier.options().type() == CheckpointType.SAVEPOINT_TERMINATE;
      if (drainAfterSavepoint) {
        source.emitFinalWatermark();
      }
      stoppedForSavepoint = barrier.checkpointId();
    }
  }

  /** A stop-with-savepoint failed: poll the source again. */
  void resumeAfterFailedStop() {
    stoppedForSavepoint = -1;
  }

  @Override
  public void open() {
  }

  /** Starts a checkpoint that waited for the source, if it is ready now. */
  @Override
  public boolean processPriorityEvents() {
    return startPendingCheckpoint();
  }

  @Override
  public boolean runCompletions() {
    return false;
  }

  @Override
  public boolean processInput() {
    if (stoppedForSavepoint >= 0 || endOfInput) {
      return false;
    }
    long before = source.recordsEmitted();
    for (int i = 0; i < MAX_POLLS_PER_STEP; i++) {
      InputStatus status;
      try {
        status = source.emitNext();
      } catch (Exception e) {
        throw OperatorFailure.wrap(source.getName(), e);
      }
      if (status == InputStatus.END_OF_INPUT) {
        endOfInput = true;
        declinePendingCheckpoint();
        return true;
      }
      // Mail (a checkpoint trigger, an event) waits at most one poll: barriers must not queue behind a whole step.
      if (status == InputStatus.NOTHING_AVAILABLE || !outputs.isAvailable() || mailbox.hasMail()) {
        break;
      }
    }
    return source.recordsEmitted() != before;
  }

  private void declinePendingCheckpoint() {
    if (pendingBarrier != null) {
      checkpoints.abandon(pendingBarrier.checkpointId(), DeclineKind.TASK_NOT_READY,
          "its source ended before it was ready for the checkpoint");
      pendingBarrier = null;
    }
  }

  @Override
  public boolean isFinished() {
    return endOfInput;
  }

  @Override
  public void onCheckpointComplete(long checkpointId) {
    if (checkpointId == stoppedForSavepoint && drainAfterSavepoint) {
      endOfInput = true; // the job ends once the drained savepoint is complete
    }
  }

  @Override
  public void onCheckpointAborted(long checkpointId) {
  }

  @Override
  public long currentInputWatermark() {
    return Long.MIN_VALUE;
  }
}
