package io.spate.runtime.tasks;

import io.spate.api.metrics.SimpleCounter;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.WatermarkStatus;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.DeclineKind;
import io.spate.runtime.checkpoint.TaskRestore;
import io.spate.runtime.network.ChannelFailure;
import io.spate.runtime.network.InputGate;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.PriorityBarrier;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.network.WatermarkValve;
import io.spate.runtime.operators.OperatorFailure;
import java.util.List;

/**
 * Reads a task's input channels round-robin into the head of its chain: record batches through its
 * {@link HeadInput}, watermarks and statuses through the watermark valve, checkpoint barriers to the
 * barrier aligner, whose snapshots it has the {@link SubtaskCheckpointCoordinator} take, recording the
 * in-flight records of unaligned checkpoints in {@link UnalignedChannelState}.
 */
final class NetworkInputProcessor implements StreamInputProcessor {

  private static final int MAX_ELEMENTS_PER_STEP = 16;

  private final InputGate gate;
  private final HeadInput head;
  private final StreamOperator<?> headOperator;
  private final TaskOutputs outputs;
  private final SubtaskCheckpointCoordinator checkpoints;
  // Counted by this task's thread per batch, read by others (progress, reporters) without a fence.
  private final SimpleCounter recordsIn;
  private final SimpleCounter headRecordsIn;
  private final WatermarkValve valve;
  private final BarrierAligner barriers;
  private final UnalignedChannelState channelState;
  private final boolean[] channelEnded;
  // Channels whose producer sent the end of data (or ended the channel): only barriers may follow.
  private final boolean[] dataEnded;
  private final TaskRestore restore;
  private final String headId;
  // The watermark the valve last handed to the head; read by the metric reporters.
  private long currentInputWatermark = Long.MIN_VALUE;
  // The gate's priority event count when this task last looked at the priority lanes; -1 forces a first look.
  private long seenPriorityEvents = -1;
  // The rest of a batch an in-flight head had no room for; no other input is read before it.
  private RecordBatch heldBatch;
  private int heldChannel;
  private int heldPosition;
  /** The input a two-input head wants read to its end before the other (BATCH broadcast), or -1. */
  private int inputReadFirst = -1;
  private int openChannelsOfInputReadFirst;
  private int dataEndedChannels;
  private int nextChannel;
  private boolean endOfInput;

  /**
   * Reads {@code gate} into {@code head}, the input of {@code headOperator} (operator {@code headId});
   * {@code codec} serializes the channels' records for unaligned checkpoints; {@code restore} (may be
   * null) holds the in-flight records to replay first.
   */
  NetworkInputProcessor(InputGate gate, HeadInput head, StreamOperator<?> headOperator, String headId,
      TaskOutputs outputs, SubtaskCheckpointCoordinator checkpoints, ChannelStateCodec codec, TaskRestore restore,
      SimpleCounter recordsIn, SimpleCounter headRecordsIn) {
    this.gate = gate;
    this.head = head;
    this.headOperator = headOperator;
    this.headId = headId;
    this.outputs = outputs;
    this.checkpoints = checkpoints;
    this.restore = restore;
    this.recordsIn = recordsIn;
    this.headRecordsIn = headRecordsIn;
    this.valve = new WatermarkValve(gate.numberOfChannels(), new ValveToHead());
    this.barriers = new BarrierAligner(gate.numberOfChannels(), new AlignedBarriers());
    this.channelState = new UnalignedChannelState(gate, codec, barriers);
    this.channelEnded = new boolean[gate.numberOfChannels()];
    this.dataEnded = new boolean[gate.numberOfChannels()];
  }

  /** Replays the restored in-flight records into the head, before any new input. */
  @Override
  public void open() throws Exception {
    channelState.replay(restore, headId, headOperator.getName(), (inputIndex, value, timestamp) -> {
      head.processRecord(inputIndex, value, timestamp);
      countRecordsIn(1);
    });
    if (head instanceof TwoInputHead two) {
      inputReadFirst = two.inputToReadFirst();
      for (int c = 0; c < gate.numberOfChannels(); c++) {
        if (gate.inputIndexOf(c) == inputReadFirst) {
          openChannelsOfInputReadFirst++;
        }
      }
    }
  }

  @Override
  public boolean processPriorityEvents() throws Exception {
    // Barriers of unaligned checkpoints are taken even while backpressure holds the input back.
    boolean progress = pollPriorityLanes();
    if (barriers.isAligning()) {
      barriers.checkAlignmentTimeout(System.nanoTime());
    }
    if (barriers.isRecording()) {
      channelState.recordWaiting();
    }
    return progress;
  }

  @Override
  public boolean runCompletions() {
    return head.runCompletions();
  }

  @Override
  public boolean processInput() throws Exception {
    int channels = gate.numberOfChannels();
    int processed = 0;
    if (heldBatch != null) {
      int from = heldPosition;
      if (!feed(heldChannel, heldBatch, from)) {
        return heldPosition != from;
      }
      processed++;
    }
    int emptyInARow = 0;
    while (processed < MAX_ELEMENTS_PER_STEP && emptyInARow < channels) {
      int c = nextChannel;
      nextChannel = c + 1 == channels ? 0 : c + 1;
      if (channelEnded[c] || barriers.isBlocked(c)
          || (openChannelsOfInputReadFirst > 0 && gate.inputIndexOf(c) != inputReadFirst)) {
        emptyInARow++;
        continue;
      }
      LocalChannel channel = gate.channel(c);
      Object element = channel.poll();
      if (element == null) {
        emptyInARow++;
        continue;
      }
      emptyInARow = 0;
      processed++;
      // Looked at after the poll: a priority barrier sent before this element is visible by now.
      pollPriorityLanes();
      if (element instanceof CheckpointBarrier barrier) {
        barriers.onBarrier(c, barrier);
        barriers.advance(c);
        continue;
      }
      if (element instanceof RecordBatch batch && barriers.shouldRecord(c)) {
        channelState.record(c, barriers.position(c), batch, 0);
      }
      barriers.advance(c);
      if (element instanceof RecordBatch batch) {
        if (dataEnded[c]) {
          throw new IllegalStateException("Records after the end of data on channel " + channel);
        }
        if (!feed(c, batch, 0) || !outputs.isAvailable()) {
          break;
        }
      } else if (element instanceof StreamElements.WatermarkElement watermark) {
        valve.onWatermark(c, watermark.timestamp());
      } else if (element instanceof WatermarkStatus status) {
        valve.onStatus(c, status);
      } else if (element == StreamElements.END_OF_PARTITION) {
        channelEnded[c] = true;
        barriers.onEndOfPartition(c);
        if (endData(c)) {
          break;
        }
      } else if (element == StreamElements.END_OF_DATA) {
        if (endData(c)) {
          break;
        }
      } else if (element instanceof ChannelFailure failure) {
        throw failure.toException();
      } else {
        throw new IllegalStateException("Unexpected element on channel " + channel + ": " + element);
      }
    }
    return processed > 0;
  }

  /**
   * No more records come from channel {@code c} (its producer sent the end of data, or ended the
   * channel); returns whether that ended the input as a whole.
   */
  private boolean endData(int c) {
    if (dataEnded[c]) {
      return false;
    }
    dataEnded[c] = true;
    dataEndedChannels++;
    if (inputReadFirst >= 0 && gate.inputIndexOf(c) == inputReadFirst) {
      openChannelsOfInputReadFirst--;
    }
    valve.onEnd(c);
    if (dataEndedChannels == gate.numberOfChannels()) {
      endOfInput = true;
    }
    return endOfInput;
  }

  /**
   * Starts checkpoint {@code barrier} here, where the coordinator injected it because every task this
   * one reads from has finished: the snapshot is taken once the records still queued in the channels
   * have been read.
   */
  void triggerCheckpoint(CheckpointBarrier barrier) {
    try {
      barriers.onTrigger(barrier);
    } catch (Exception e) {
      throw OperatorFailure.wrap(headOperator.getName(), e);
    }
  }

  /**
   * Hands {@code batch} of channel {@code c} from {@code from} on to the head; returns whether the head
   * took all of it, else holds the rest (from {@link #heldPosition}) to resume with on the next read.
   */
  private boolean feed(int c, RecordBatch batch, int from) {
    int taken = head.processBatch(gate.inputIndexOf(c), batch, from);
    countRecordsIn(taken - from);
    if (taken < batch.size()) {
      heldBatch = batch;
      heldChannel = c;
      heldPosition = taken;
      return false;
    }
    heldBatch = null;
    gate.channel(c).recycle(batch);
    return true;
  }

  private void countRecordsIn(int records) {
    recordsIn.inc(records);
    headRecordsIn.inc(records);
  }

  @Override
  public boolean isFinished() {
    return endOfInput && !head.hasInFlight();
  }

  @Override
  public void onCheckpointComplete(long checkpointId) {
  }

  @Override
  public void onCheckpointAborted(long checkpointId) {
    barriers.abort(checkpointId);
  }

  @Override
  public long currentInputWatermark() {
    return currentInputWatermark;
  }

  /** Hands what the priority lanes hold to the barrier aligner, if the gate counted anything new. */
  private boolean pollPriorityLanes() throws Exception {
    long count = gate.priorityEventCount();
    if (count == seenPriorityEvents) {
      return false;
    }
    seenPriorityEvents = count;
    for (int c = 0; c < gate.numberOfChannels(); c++) {
      Object event;
      while ((event = gate.channel(c).pollPriority()) != null) {
        if (!(event instanceof PriorityBarrier barrier)) {
          throw new IllegalStateException("Unexpected priority event on channel " + gate.channel(c) + ": " + event);
        }
        barriers.onPriorityBarrier(c, barrier.barrier(), barrier.position());
      }
    }
    return true;
  }

  /** Takes the snapshots once the barriers are aligned (or, for at-least-once, all arrived). */
  private final class AlignedBarriers implements BarrierAligner.Target {
    @Override
    public void onAligned(CheckpointBarrier barrier, long alignmentNanos) {
      checkpoints.checkpoint(barrier, alignmentNanos, false);
    }

    @Override
    public void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) {
      checkpoints.checkpoint(barrier, alignmentNanos, true);
      if (heldBatch != null && checkpoints.awaitsChannelState(barrier.checkpointId())) {
        // read before the snapshot, not yet processed: the rest of it is in flight
        channelState.record(heldChannel, barriers.position(heldChannel) - 1, heldBatch, heldPosition);
      }
    }

    @Override
    public void onChannelStateComplete(long checkpointId, List<List<Object>> recorded) {
      checkpoints.channelStateComplete(checkpointId, channelState.byInput(recorded));
    }

    @Override
    public void onAbandoned(long checkpointId, DeclineKind kind, String reason) {
      checkpoints.abandon(checkpointId, kind, reason);
    }
  }

  /** Hands what the valve combines from all input channels to the head operator. */
  private final class ValveToHead implements WatermarkValve.Downstream {
    @Override
    public void emitWatermark(long watermark) {
      currentInputWatermark = watermark;
      try {
        headOperator.processWatermark(watermark);
      } catch (Exception e) {
        throw OperatorFailure.wrap(headOperator.getName(), e);
      }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
      try {
        headOperator.processWatermarkStatus(status);
      } catch (Exception e) {
        throw OperatorFailure.wrap(headOperator.getName(), e);
      }
    }
  }
}
