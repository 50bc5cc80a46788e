package io.spate.runtime.tasks;

import io.spate.runtime.checkpoint.CheckpointBarrier;

/**
 * Follows the checkpoint barriers on a task's input channels. For exactly-once checkpoints a channel
 * that delivered the barrier is blocked until every other open channel has delivered it too, so the
 * snapshot reflects exactly the records before the barrier; for at-least-once checkpoints nothing is
 * blocked and the snapshot is taken when the last barrier arrives.
 */
final class BarrierAligner {

  /** What the aligner asks of its task. */
  interface Target {
    /** Every open channel delivered the barrier: take the snapshot and forward the barrier. */
    void onAligned(CheckpointBarrier barrier, long alignmentNanos) throws Exception;

    /** The checkpoint cannot complete at this task (a newer barrier overtook it). */
    void onAbandoned(long checkpointId, String reason);
  }

  private final Target target;
  private final boolean[] seen;
  private final boolean[] ended;
  private int open;
  private CheckpointBarrier current;
  private long newestSeenId = -1;
  private int received;
  private boolean blocking;
  private long alignmentStartNanos;

  BarrierAligner(int channels, Target target) {
    this.target = target;
    this.seen = new boolean[channels];
    this.ended = new boolean[channels];
    this.open = channels;
  }

  /** Whether channel {@code channel} must not be read now. */
  boolean isBlocked(int channel) {
    return blocking && seen[channel];
  }

  /** Whether a checkpoint is being aligned. */
  boolean isAligning() {
    return current != null;
  }

  /** Channel {@code channel} delivered {@code barrier}. */
  void onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
    long id = barrier.checkpointId();
    if (id < newestSeenId || (id == newestSeenId && current == null)) {
      return; // a checkpoint this task already took, or gave up
    }
    if (id > newestSeenId) {
      if (current != null) {
        long abandoned = current.checkpointId();
        reset();
        target.onAbandoned(abandoned, "barrier " + id + " arrived before checkpoint " + abandoned + " was aligned");
      }
      newestSeenId = id;
      current = barrier;
      blocking = barrier.options().exactlyOnce();
      alignmentStartNanos = System.nanoTime();
    }
    if (!seen[channel]) {
      seen[channel] = true;
      received++;
    }
    completeIfAligned();
  }

  /** Channel {@code channel} ended: no barrier will come from it. */
  void onEndOfPartition(int channel) throws Exception {
    if (ended[channel]) {
      return;
    }
    ended[channel] = true;
    open--;
    if (current != null && seen[channel]) {
      received--;
    }
    seen[channel] = false;
    completeIfAligned();
  }

  /** The coordinator aborted checkpoint {@code checkpointId}: stop waiting for its barriers. */
  void abort(long checkpointId) {
    newestSeenId = Math.max(newestSeenId, checkpointId);
    if (current != null && current.checkpointId() <= checkpointId) {
      reset();
    }
  }

  private void completeIfAligned() throws Exception {
    if (current == null || received < open) {
      return;
    }
    CheckpointBarrier barrier = current;
    long alignment = System.nanoTime() - alignmentStartNanos;
    reset();
    target.onAligned(barrier, alignment);
  }

  private void reset() {
    current = null;
    blocking = false;
    received = 0;
    java.util.Arrays.fill(seen, false);
  }
}
