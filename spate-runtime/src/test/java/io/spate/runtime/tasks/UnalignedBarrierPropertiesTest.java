package io.spate.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.runtime.CheckedLaw;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The records the barrier aligner has its task record for an unaligned checkpoint are exactly those
 * between each channel's consumption point at the snapshot and that channel's barrier, whatever the
 * interleaving of records, in-band barriers, priority barriers, ends of input, alignment timeouts and
 * looks ahead into the channels; each is recorded once, in channel order.
 */
class UnalignedBarrierPropertiesTest {

  private enum Kind { PRIORITY, IN_BAND, ENDS_BEFORE_BARRIER }

  private static final Object END = "END";

  /** One input channel: its elements (records as "c:i" strings, the in-band barrier, END) and barrier position. */
  private static final class Channel {
    final List<Object> elements = new ArrayList<>();
    Kind kind;
    long barrierPosition;
    int next;
    boolean priorityDelivered;
  }

  private static final class Recorder implements BarrierAligner.Target {
    CheckpointBarrier snapshotBarrier;
    boolean unalignedSnapshot;
    long[] consumedAtSnapshot;
    List<List<Object>> channelState;
    int completions;
    String abandoned;
    BarrierAligner aligner;
    int channels;

    @Override
    public void onAligned(CheckpointBarrier barrier, long alignmentNanos) {
      snapshot(barrier);
    }

    @Override
    public void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) {
      snapshot(barrier);
      unalignedSnapshot = true;
    }

    private void snapshot(CheckpointBarrier barrier) {
      assertThat(snapshotBarrier).as("one snapshot per checkpoint").isNull();
      snapshotBarrier = barrier;
      consumedAtSnapshot = new long[channels];
      for (int c = 0; c < channels; c++) {
        consumedAtSnapshot[c] = aligner.position(c);
      }
    }

    @Override
    public void onChannelStateComplete(long checkpointId, List<List<Object>> recorded) {
      completions++;
      channelState = recorded;
    }

    @Override
    public void onAbandoned(long checkpointId, DeclineKind kind, String reason) {
      abandoned = reason;
    }
  }

  // The schedule comes from java.util.Random(seed): a failure shrinks the channel count and the mode,
  // while the seed only moves to another schedule, not to a smaller one.
  @Test
  void recordedInFlightRecordsAreExactlyThoseBetweenSnapshotAndBarrier() {
    qt().withExamples(500)
        .forAll(longs().all(), integers().between(1, 5), booleans().all())
        .checkAssert((seed, numberOfChannels, alignedWithTimeout) -> CheckedLaw.check(
            () -> recordedInFlightRecordsAreExactlyThoseBetweenSnapshotAndBarrier(seed, numberOfChannels,
                alignedWithTimeout)));
  }

  private static void recordedInFlightRecordsAreExactlyThoseBetweenSnapshotAndBarrier(
      long seed, int numberOfChannels, boolean alignedWithTimeout) throws Exception {
    Random random = new Random(seed);
    CheckpointOptions options = alignedWithTimeout
        ? new CheckpointOptions(CheckpointType.CHECKPOINT, true, false, 5, null)
        : new CheckpointOptions(CheckpointType.CHECKPOINT, true, true, 0, null);
    CheckpointBarrier barrier = new CheckpointBarrier(7, 1, options);
    List<Channel> channels = new ArrayList<>();
    for (int c = 0; c < numberOfChannels; c++) {
      Channel ch = new Channel();
      Kind[] kinds = alignedWithTimeout ? new Kind[] {Kind.IN_BAND, Kind.IN_BAND, Kind.ENDS_BEFORE_BARRIER}
          : Kind.values();
      ch.kind = kinds[random.nextInt(kinds.length)];
      int before = random.nextInt(12);
      for (int i = 0; i < before; i++) {
        ch.elements.add(c + ":" + ch.elements.size());
      }
      ch.barrierPosition = ch.elements.size();
      if (ch.kind == Kind.ENDS_BEFORE_BARRIER) {
        ch.barrierPosition = Long.MAX_VALUE;
      } else {
        if (ch.kind == Kind.IN_BAND) {
          ch.elements.add(barrier);
        }
        int after = random.nextInt(6);
        for (int i = 0; i < after; i++) {
          ch.elements.add(c + ":" + ch.elements.size());
        }
      }
      if (ch.kind == Kind.ENDS_BEFORE_BARRIER || random.nextBoolean()) {
        ch.elements.add(END);
      }
      channels.add(ch);
    }
    boolean anyBarrier = channels.stream().anyMatch(ch -> ch.kind != Kind.ENDS_BEFORE_BARRIER);

    Recorder target = new Recorder();
    BarrierAligner aligner = new BarrierAligner(numberOfChannels, target);
    target.aligner = aligner;
    target.channels = numberOfChannels;
    long now = 0;
    for (int step = 0; step < 10_000; step++) {
      List<Integer> runnable = new ArrayList<>();
      for (int c = 0; c < numberOfChannels; c++) {
        Channel ch = channels.get(c);
        boolean hasElement = ch.next < ch.elements.size() && !aligner.isBlocked(c);
        boolean hasPriority = ch.kind == Kind.PRIORITY && !ch.priorityDelivered;
        if (hasElement || hasPriority) {
          runnable.add(c);
        }
      }
      if (runnable.isEmpty()) {
        if (aligner.isAligning()) { // only blocked channels left: the timeout fires
          now += 1_000_000_000L;
          aligner.checkAlignmentTimeout(System.nanoTime() + now);
          continue;
        }
        break;
      }
      if (alignedWithTimeout && random.nextInt(20) == 0) {
        aligner.checkAlignmentTimeout(System.nanoTime() + 1_000_000_000L);
      }
      if (aligner.isRecording() && random.nextInt(4) == 0) { // the task looks ahead into a channel
        int c = random.nextInt(numberOfChannels);
        Channel ch = channels.get(c);
        int limit = random.nextInt(4);
        long index;
        for (int k = 0; k < limit && (index = aligner.nextToPeek(c)) >= 0; k++) {
          if (index >= ch.elements.size()) {
            break;
          }
          Object element = ch.elements.get((int) index);
          if (element instanceof CheckpointBarrier || element == END) {
            break;
          }
          aligner.peeked(c, index, element);
        }
        continue;
      }
      int c = runnable.get(random.nextInt(runnable.size()));
      Channel ch = channels.get(c);
      boolean mustDeliverPriority = ch.next >= ch.barrierPosition || ch.next >= ch.elements.size()
          || aligner.isBlocked(c);
      if (ch.kind == Kind.PRIORITY && !ch.priorityDelivered && (mustDeliverPriority || random.nextInt(4) == 0)) {
        ch.priorityDelivered = true;
        aligner.onPriorityBarrier(c, barrier, ch.barrierPosition);
        continue;
      }
      Object element = ch.elements.get(ch.next++);
      if (element instanceof CheckpointBarrier b) {
        aligner.onBarrier(c, b);
        aligner.advance(c);
      } else if (element == END) {
        aligner.advance(c);
        aligner.onEndOfPartition(c);
      } else {
        if (aligner.shouldRecord(c)) {
          aligner.recordAt(c, aligner.position(c), element);
        }
        aligner.advance(c);
      }
    }

    assertThat(target.abandoned).isNull();
    assertThat(aligner.isAligning()).isFalse();
    if (!anyBarrier) {
      assertThat(target.snapshotBarrier).isNull();
      return;
    }
    assertThat(target.snapshotBarrier).isEqualTo(barrier);
    if (!target.unalignedSnapshot) {
      assertThat(alignedWithTimeout).isTrue();
      assertThat(target.completions).isZero();
      return;
    }
    assertThat(target.completions).isEqualTo(1);
    for (int c = 0; c < numberOfChannels; c++) {
      Channel ch = channels.get(c);
      List<Object> expected = new ArrayList<>();
      long end = Math.min(ch.barrierPosition, ch.elements.size());
      for (long i = target.consumedAtSnapshot[c]; i < end; i++) {
        Object element = ch.elements.get((int) i);
        if (element instanceof String s && !s.equals(END)) {
          expected.add(element);
        }
      }
      assertThat(target.channelState.get(c)).as("channel %d (%s)", c, ch.kind).containsExactlyElementsOf(expected);
    }
  }
}
