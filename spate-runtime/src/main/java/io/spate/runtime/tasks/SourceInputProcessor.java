package io.spate.runtime.tasks;

import io.spate.api.connector.source.InputStatus;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.source.SourceOperator;

/**
 * Polls the source operator at the head of a source task, and stops polling for a stop-with-savepoint.
 */
final class SourceInputProcessor implements StreamInputProcessor {

  private static final int MAX_POLLS_PER_STEP = 32;

  private final SourceOperator<?, ?> source;
  private final TaskOutputs outputs;
  private final TaskMailbox mailbox;
  // The stop-with-savepoint this source task stopped reading for, or -1.
  private long stoppedForSavepoint = -1;
  private boolean drainAfterSavepoint;
  private boolean endOfInput;

  SourceInputProcessor(SourceOperator<?, ?> source, TaskOutputs outputs, TaskMailbox mailbox) {
    this.source = source;
    this.outputs = outputs;
    this.mailbox = mailbox;
  }

  /** The source operator this task polls. */
  SourceOperator<?, ?> source() {
    return source;
  }

  /**
   * Checkpoint {@code barrier} starts here; if it stops the job, polling stops, and a draining stop
   * first fires every window and timer, so that the savepoint holds no pending output.
   */
  void beforeCheckpoint(CheckpointBarrier barrier) {
    if (barrier.options().type().stopsJob()) {
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

  @Override
  public boolean processPriorityEvents() {
    return false;
  }

  @Override
  public boolean runCompletions() {
    return false;
  }

  @Override
  public boolean processInput() {
    if (stoppedForSavepoint >= 0) {
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
        return true;
      }
      // Mail (a checkpoint trigger, an event) waits at most one poll: barriers must not queue behind a whole step.
      if (status == InputStatus.NOTHING_AVAILABLE || !outputs.isAvailable() || mailbox.hasMail()) {
        break;
      }
    }
    return source.recordsEmitted() != before;
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
