package io.spate.runtime.tasks;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows the checkpoint barriers on a task's input channels and counts the elements the task reads
 * from each channel (the index of the next one is its position).
 *
 * <p>Aligned exactly-once checkpoints block a channel that delivered the barrier until every other
 * open channel has delivered it too, so the snapshot reflects exactly the records before the
 * barrier; at-least-once checkpoints block nothing and snapshot when the last barrier arrives.
 *
 * <p>Unaligned checkpoints snapshot at the first barrier, in-band or from a priority lane, and block
 * nothing: the records the task reads afterwards that precede a channel's barrier (their index is
 * below the barrier's position) are in flight across the snapshot and are recorded for the
 * checkpoint. So that the checkpoint need not wait for the task to work through its input, the task
 * also records them by looking ahead into the channels without reading; an element recorded that way
 * is not recorded again when read. Once every open channel's barrier is behind what the task read or
 * looked at, the recording is complete. An
 * aligned checkpoint with a timeout switches to this when its alignment lasts too long, and so does
 * one whose barrier arrives through a priority lane.
 */
final class BarrierAligner {

  /** What the aligner asks of its task. */
  interface Target {
    /** Every open channel delivered the barrier: take the snapshot and forward the barrier. */
    void onAligned(CheckpointBarrier barrier, long alignmentNanos) throws Exception;

    /** Take the snapshot of an unaligned checkpoint now and forward its barrier ahead of the data. */
    void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) throws Exception;

    /**
     * Every record in flight across the unaligned snapshot of {@code checkpointId} was recorded:
     * {@code recorded.get(c)} holds the payloads of channel {@code c}, in reading order.
     */
    void onChannelStateComplete(long checkpointId, List<List<Object>> recorded) throws Exception;

    /** The checkpoint cannot complete at this task (a newer barrier overtook it, or it went wrong). */
    void onAbandoned(long checkpointId, DeclineKind kind, String reason);
  }

  private record Recorded(long index, Object payload) {}

  private final Target target;
  private final long[] consumed;
  private final boolean[] seen;
  private final boolean[] ended;
  private final long[] barrierPosition;
  private final long[] snapshotPosition;
  // Per channel, the index up to which the elements were recorded by looking into the channel ahead of reading.
  private final long[] peekedUpTo;
  private final List<Recorded>[] recorded;
  private int open;
  private CheckpointBarrier current;
  private long newestSeenId = -1;
  private int received;
  private boolean blocking;
  private boolean unaligned;
  private long alignmentStartNanos;

  @SuppressWarnings("unchecked")
  BarrierAligner(int channels, Target target) {
    this.target = target;
    this.consumed = new long[channels];
    this.seen = new boolean[channels];
    this.ended = new boolean[channels];
    this.barrierPosition = new long[channels];
    this.snapshotPosition = new long[channels];
    this.peekedUpTo = new long[channels];
    this.recorded = new List[channels];
    this.open = channels;
    for (int c = 0; c < channels; c++) {
      recorded[c] = new ArrayList<>();
    }
  }

  /** Whether channel {@code channel} must not be read now. */
  boolean isBlocked(int channel) {
    return blocking && seen[channel];
  }

  /** Whether a checkpoint is being aligned or its in-flight records recorded. */
  boolean isAligning() {
    return current != null;
  }

  /** Whether an unaligned snapshot was taken and its in-flight records are being recorded. */
  boolean isRecording() {
    return unaligned;
  }

  /** The index of the next element of {@code channel}: how many the task has read from it. */
  long position(int channel) {
    return consumed[channel];
  }

  /** The task read an element of {@code channel} (after handling it). */
  void advance(int channel) throws Exception {
    long position = ++consumed[channel];
    if (unaligned && !seen[channel] && barrierPosition[channel] >= 0 && position >= barrierPosition[channel]) {
      markDone(channel);
    }
  }

  /**
   * The index of the next element of {@code channel} to record by looking ahead into the channel, or
   * -1 if nothing of it is to be recorded (no unaligned checkpoint, or its barrier is behind).
   */
  long nextToPeek(int channel) {
    if (!unaligned || seen[channel] || ended[channel]) {
      return -1;
    }
    long next = Math.max(consumed[channel], peekedUpTo[channel]);
    return barrierPosition[channel] >= 0 && next >= barrierPosition[channel] ? -1 : next;
  }

  /**
   * The task looked at element {@code index} ({@link #nextToPeek}) of {@code channel} without reading
   * it; {@code payload} holds its records, or is null for an element without records.
   */
  void peeked(int channel, long index, Object payload) throws Exception {
    if (index != nextToPeek(channel)) {
      throw new IllegalStateException("looked at element " + index + " of channel " + channel + " out of order");
    }
    if (payload != null) {
      recorded[channel].add(new Recorded(index, payload));
    }
    peekedUpTo[channel] = index + 1;
    if (barrierPosition[channel] >= 0 && index + 1 >= barrierPosition[channel]) {
      markDone(channel);
    }
  }

  /**
   * Whether the records of the element at the current position of {@code channel}, which the task
   * just read, were in flight across an unaligned snapshot and must be recorded.
   */
  boolean shouldRecord(int channel) {
    return unaligned && !seen[channel] && !ended[channel] && consumed[channel] >= peekedUpTo[channel]
        && (barrierPosition[channel] < 0 || consumed[channel] < barrierPosition[channel]);
  }

  /**
   * Records {@code payload} for the element at {@code index} of {@code channel}, which the task read
   * before the snapshot but has not processed yet (the rest of a held batch).
   */
  void recordAt(int channel, long index, Object payload) {
    recorded[channel].add(new Recorded(index, payload));
  }

  /** Gives up the checkpoint in progress, telling the target why. */
  void giveUp(String reason) {
    if (current != null) {
      long id = current.checkpointId();
      reset();
      target.onAbandoned(id, DeclineKind.FAILED, reason);
    }
  }

  /** Channel {@code channel} delivered {@code barrier} in-band, at its current position. */
  void onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
    if (!begin(barrier)) {
      return;
    }
    if (unaligned) {
      onBarrierPosition(channel, consumed[channel]);
      return;
    }
    if (!seen[channel]) {
      seen[channel] = true;
      received++;
    }
    if (barrier.options().unaligned()) {
      startUnaligned();
    } else {
      completeIfAligned();
    }
  }

  /**
   * Channel {@code channel} delivered {@code barrier} through its priority lane, ahead of the
   * elements from {@code position} on: the checkpoint turns unaligned at this task.
   */
  void onPriorityBarrier(int channel, CheckpointBarrier barrier, long position) throws Exception {
    if (!begin(barrier)) {
      return;
    }
    if (!unaligned) {
      startUnaligned();
      if (current == null) {
        return;
      }
    }
    onBarrierPosition(channel, position);
  }

  /**
   * The coordinator started {@code barrier}'s checkpoint at this task itself, since every task it reads
   * from has finished: no barrier comes through the channels, and the snapshot is taken once every
   * channel has ended, after the records still queued in them. A checkpoint already under way or taken
   * here is left as it is.
   */
  void onTrigger(CheckpointBarrier barrier) throws Exception {
    if (barrier.checkpointId() <= newestSeenId) {
      return;
    }
    begin(barrier);
    completeIfAligned();
  }

  /** Switches an aligned checkpoint that has been aligning for longer than its timeout to unaligned. */
  void checkAlignmentTimeout(long nowNanos) throws Exception {
    if (current != null && blocking && !unaligned) {
      long timeout = current.options().alignedTimeoutMillis();
      if (timeout > 0 && nowNanos - alignmentStartNanos > timeout * 1_000_000) {
        startUnaligned();
      }
    }
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
    if (unaligned) {
      completeIfRecorded();
    } else {
      completeIfAligned();
    }
  }

  /** The coordinator aborted checkpoint {@code checkpointId}: stop waiting for its barriers. */
  void abort(long checkpointId) {
    newestSeenId = Math.max(newestSeenId, checkpointId);
    if (current != null && current.checkpointId() <= checkpointId) {
      reset();
    }
  }

  /** Starts following {@code barrier}'s checkpoint if it is new; false if it is one to ignore. */
  private boolean begin(CheckpointBarrier barrier) {
    long id = barrier.checkpointId();
    if (id < newestSeenId || (id == newestSeenId && current == null)) {
      return false; // a checkpoint this task already took, or gave up
    }
    if (id > newestSeenId) {
      if (current != null) {
        long abandoned = current.checkpointId();
        reset();
        target.onAbandoned(abandoned, DeclineKind.SUBSUMED,
            "barrier " + id + " arrived before checkpoint " + abandoned + " was complete");
      }
      newestSeenId = id;
      current = barrier;
      blocking = barrier.options().exactlyOnce();
      alignmentStartNanos = System.nanoTime();
    }
    return true;
  }

  /** Snapshots now; the channels that delivered the barrier in-band have nothing in flight. */
  private void startUnaligned() throws Exception {
    unaligned = true;
    blocking = false;
    Arrays.fill(barrierPosition, -1);
    System.arraycopy(consumed, 0, snapshotPosition, 0, consumed.length);
    System.arraycopy(consumed, 0, peekedUpTo, 0, consumed.length);
    target.onUnalignedSnapshot(current, System.nanoTime() - alignmentStartNanos);
    completeIfRecorded();
  }

  private void onBarrierPosition(int channel, long position) throws Exception {
    if (seen[channel] || ended[channel] || current == null) {
      return;
    }
    if (position < snapshotPosition[channel]) {
      // The task read elements that follow the barrier before its snapshot: they would count twice.
      long id = current.checkpointId();
      reset();
      target.onAbandoned(id, DeclineKind.FAILED, "the task read " + (snapshotPosition[channel] - position)
          + " element(s) of input channel " + channel + " past the barrier of checkpoint " + id + " before taking its snapshot");
      return;
    }
    barrierPosition[channel] = position;
    recorded[channel].removeIf(r -> r.index() >= position);
    if (consumed[channel] >= position || peekedUpTo[channel] >= position) {
      markDone(channel);
    }
  }

  private void markDone(int channel) throws Exception {
    seen[channel] = true;
    received++;
    completeIfRecorded();
  }

  private void completeIfRecorded() throws Exception {
    if (current == null || received < open) {
      return;
    }
    long id = current.checkpointId();
    List<List<Object>> payloads = new ArrayList<>(recorded.length);
    for (int c = 0; c < recorded.length; c++) {
      List<Object> channel = new ArrayList<>(recorded[c].size());
      for (Recorded r : recorded[c]) {
        channel.add(r.payload());
      }
      payloads.add(channel);
    }
    reset();
    target.onChannelStateComplete(id, payloads);
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
    unaligned = false;
    received = 0;
    Arrays.fill(seen, false);
    for (List<Recorded> r : recorded) {
      r.clear();
    }
  }
}
