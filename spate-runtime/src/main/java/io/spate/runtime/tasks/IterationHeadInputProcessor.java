package io.spate.runtime.tasks;

import io.spate.runtime.operators.iteration.FeedbackChannel;
import io.spate.runtime.operators.iteration.IterationHeadOperator;
import io.spate.runtime.worker.Waker;
import java.util.concurrent.TimeUnit;

/**
 * Reads the input of an iteration head's task: first the records fed back, then, while the output
 * has room, the iteration's input from the network. Draining the feedback first keeps the loop
 * moving ahead of new input. The input ending does not end the head: with a wait time it ends once
 * no record came back for that long (and the channel is empty); without one, never.
 */
final class IterationHeadInputProcessor implements StreamInputProcessor {

  private final IterationHeadOperator<?> head;
  private final StreamInputProcessor network;
  private final boolean hasInput;
  private final TaskOutputs outputs;
  private final Waker waker;
  private final long maxWaitNanos;
  // When the input ended or a record last came back, whichever is later; -1 while the input runs.
  private long quietSinceNanos = -1;
  private boolean finished;

  IterationHeadInputProcessor(IterationHeadOperator<?> head, StreamInputProcessor network, boolean hasInput,
      TaskOutputs outputs, Waker waker) {
    this.head = head;
    this.network = network;
    this.hasInput = hasInput;
    this.outputs = outputs;
    this.waker = waker;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(head.maxWaitTimeMillis());
  }

  @Override
  public void open() throws Exception {
    network.open();
    FeedbackChannel channel = head.channel();
    if (waker != null) {
      channel.setWake(waker);
    }
    if (!hasInput) {
      head.markIdle();
    }
  }

  @Override
  public boolean processPriorityEvents() throws Exception {
    return network.processPriorityEvents();
  }

  @Override
  public boolean runCompletions() {
    return network.runCompletions();
  }

  @Override
  public boolean processInput() throws Exception {
    boolean fed = head.emitFeedback() > 0;
    boolean progress = fed;
    if (hasInput && outputs.isAvailable() && !network.isFinished()) {
      progress |= network.processInput();
    }
    if (inputEnded() && (fed || quietSinceNanos < 0)) {
      quietSinceNanos = System.nanoTime();
    }
    return progress;
  }

  private boolean inputEnded() {
    return !hasInput || network.isFinished();
  }

  @Override
  public boolean isFinished() {
    if (finished) {
      return true;
    }
    if (maxWaitNanos == 0 || quietSinceNanos < 0) {
      return false;
    }
    long deadline = quietSinceNanos + maxWaitNanos;
    if (System.nanoTime() - deadline < 0) {
      if (waker != null) {
        waker.wakeBy(deadline);
      }
      return false;
    }
    finished = head.channel().endHeadIfEmpty();
    return finished;
  }

  @Override
  public void onCheckpointComplete(long checkpointId) {
    network.onCheckpointComplete(checkpointId);
  }

  @Override
  public void onCheckpointAborted(long checkpointId) {
    network.onCheckpointAborted(checkpointId);
  }

  @Override
  public long currentInputWatermark() {
    return network.currentInputWatermark();
  }
}
