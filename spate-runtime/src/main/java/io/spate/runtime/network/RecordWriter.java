package io.spate.runtime.network;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.partition.KeyGroupPartitioner;
import io.spate.runtime.partition.StreamPartitioner;
import java.util.ArrayDeque;

/**
 * Writes the records of one network edge of one producing subtask into its channels, in batches.
 * When a channel is full, finished batches wait in a small per-channel backlog and the task stops
 * taking input until they have been delivered; that is how backpressure reaches the producer.
 */
public final class RecordWriter {

  private final LocalChannel[] channels;
  private final RecordBatch[] current;
  private final ArrayDeque<Object>[] backlog;
  private final StreamPartitioner partitioner;
  private final KeyGroupPartitioner keyed;
  private final boolean broadcast;
  private final int batchSize;
  // Per channel, how many elements were handed to it (into the ring or the backlog): the index the next gets.
  private final long[] positions;
  private int backlogged;

  /** Creates a writer over {@code channels}, batching {@code batchSize} records per channel. */
  @SuppressWarnings("unchecked")
  public RecordWriter(LocalChannel[] channels, StreamPartitioner partitioner, int batchSize) {
    this.channels = channels;
    this.current = new RecordBatch[channels.length];
    this.backlog = new ArrayDeque[channels.length];
    this.partitioner = partitioner;
    this.broadcast = partitioner.isBroadcast();
    this.keyed = partitioner instanceof KeyGroupPartitioner k ? k : null;
    this.batchSize = batchSize;
    this.positions = new long[channels.length];
    partitioner.setup(channels.length);
  }

  /** Has {@code waker} run whenever a consumer makes room in one of this writer's channels. */
  public void registerWaker(Runnable waker) {
    for (LocalChannel channel : channels) {
      channel.registerProducerWaker(waker);
    }
  }

  /** Routes one record. */
  public void emit(Object value, long timestamp) throws Exception {
    if (broadcast) {
      for (int c = 0; c < channels.length; c++) {
        append(c, value, timestamp, null);
      }
    } else if (keyed != null) {
      Object key = keyed.keyOf(value);
      append(channels.length == 1 ? 0 : keyed.channelOfKey(key), value, timestamp, key);
    } else {
      append(channels.length == 1 ? 0 : partitioner.selectChannel(value), value, timestamp, null);
    }
  }

  private void append(int channel, Object value, long timestamp, Object key) {
    RecordBatch batch = current[channel];
    if (batch == null) {
      batch = channels[channel].obtainBatch(batchSize);
      current[channel] = batch;
    }
    if (key != null ? batch.add(value, timestamp, key) : batch.add(value, timestamp)) {
      current[channel] = null;
      push(channel, batch);
    }
  }

  private void push(int channel, Object element) {
    positions[channel]++;
    ArrayDeque<Object> waiting = backlog[channel];
    if ((waiting == null || waiting.isEmpty()) && channels[channel].offer(element)) {
      return;
    }
    if (waiting == null) {
      waiting = new ArrayDeque<>();
      backlog[channel] = waiting;
    }
    waiting.addLast(element);
    backlogged++;
  }

  /** Sends {@code event} to every channel after the records emitted before it. */
  public void broadcastEvent(Object event) {
    flush();
    for (int c = 0; c < channels.length; c++) {
      push(c, event);
    }
  }

  /**
   * Sends {@code barrier} to every channel ahead of the elements waiting there: the records emitted
   * before it are handed over first, and each channel gets a {@link PriorityBarrier} with the number
   * of elements it was handed before the barrier. Never blocks.
   */
  public void broadcastPriorityEvent(CheckpointBarrier barrier) {
    flush();
    for (int c = 0; c < channels.length; c++) {
      channels[c].offerPriority(new PriorityBarrier(barrier, positions[c]));
    }
  }

  /** How many elements channel {@code channel} has been handed so far. */
  public long position(int channel) {
    return positions[channel];
  }

  /** Whether a channel has a partly filled batch that no one has handed over yet. */
  public boolean hasPartlyFilledBatch() {
    for (RecordBatch batch : current) {
      if (batch != null && !batch.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Hands over every partly filled batch. */
  public void flush() {
    for (int c = 0; c < channels.length; c++) {
      RecordBatch batch = current[c];
      if (batch != null && !batch.isEmpty()) {
        current[c] = null;
        push(c, batch);
      }
    }
  }

  /** Delivers what the backlog holds as far as the channels take it; true if it is now empty. */
  public boolean drainBacklog() {
    if (backlogged == 0) {
      return true;
    }
    for (int c = 0; c < channels.length; c++) {
      ArrayDeque<Object> waiting = backlog[c];
      while (waiting != null && !waiting.isEmpty() && channels[c].offer(waiting.peekFirst())) {
        waiting.pollFirst();
        backlogged--;
      }
    }
    return backlogged == 0;
  }

  /** Whether the writer can take more records without growing its backlog. */
  public boolean isAvailable() {
    if (!drainBacklog()) {
      return false;
    }
    for (LocalChannel channel : channels) {
      if (!channel.hasCapacity()) {
        return false;
      }
    }
    return true;
  }
}
