package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import io.spate.runtime.network.ChannelFailure;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.PriorityBarrier;
import io.spate.runtime.network.StreamElements;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consumer side of a remote channel: owns the inbound {@link LocalChannel} the consuming task
 * reads, grants its capacity as credit on subscription and returns one credit for every element the
 * task takes. Since the producer never sends more than it was granted, offering into the inbound
 * channel cannot fail; an element beyond the credit is a protocol violation.
 */
final class RemoteReceiver {

  /** Priority events (unaligned barriers) a channel holds at most before the consumer takes them. */
  static final int MAX_PRIORITY_BACKLOG = 64;

  private final ChannelId id;
  private final LocalChannel channel;
  private final int capacity;
  private final BatchCodec codec;
  private final Connection connection;
  private final RemoteShuffleService service;
  private final ChannelCounters counters = new ChannelCounters();
  // Elements the task took whose credit is not yet sent back.
  private final AtomicInteger creditToReturn = new AtomicInteger();
  private final AtomicBoolean returnScheduled = new AtomicBoolean();
  // While the task has more to read, credit goes back in bunches of this many.
  private final int returnBatch;
  private final Runnable returnCredit = this::returnCredit;
  // Event loop only: credit the producer may still use, counting elements on the wire.
  private int outstanding;
  private boolean subscribed;
  private boolean closed;

  RemoteReceiver(ChannelId id, LocalChannel channel, int capacity, BatchCodec codec, Connection connection,
      RemoteShuffleService service) {
    this.id = id;
    this.channel = channel;
    this.capacity = capacity;
    this.returnBatch = Math.max(1, capacity / 2);
    this.codec = codec;
    this.connection = connection;
    this.service = service;
    channel.registerProducerWaker(this::onPoll);
  }

  ChannelId id() {
    return id;
  }

  LocalChannel channel() {
    return channel;
  }

  BatchCodec codec() {
    return codec;
  }

  ChannelCounters counters() {
    return counters;
  }

  /** Elements taken whose credit has not been sent back yet. */
  int creditHeldBack() {
    return creditToReturn.get();
  }

  /** Consumer's thread: the task took an element. */
  private void onPoll() {
    // Credit returned in bunches lets the producer send several batches per write and wakes both
    // event loops less often; once the channel ran dry the task waits for the producer, so then at once.
    int pending = creditToReturn.incrementAndGet();
    if ((pending >= returnBatch || channel.isEmpty()) && !returnScheduled.get()
        && returnScheduled.compareAndSet(false, true)) {
      connection.execute(returnCredit);
    }
  }

  private void returnCredit() {
    returnScheduled.set(false);
    int credit = creditToReturn.getAndSet(0);
    if (closed || !subscribed || credit == 0) {
      return;
    }
    outstanding += credit;
    counters.addCredits(credit);
    connection.writeInt(FrameType.ADD_CREDIT, id, credit);
    connection.flush();
  }

  /** The connection is ready: asks the producer for the channel with the full capacity as credit. */
  void subscribe() {
    if (closed || subscribed) {
      return;
    }
    subscribed = true;
    outstanding = capacity;
    counters.addCredits(capacity);
    connection.writeInt(FrameType.SUBSCRIBE, id, capacity);
  }

  void onElement(Object element) throws MalformedFrameException {
    if (outstanding == 0) {
      throw new MalformedFrameException("the producer of channel " + id + " sent an element without credit");
    }
    outstanding--;
    counters.addElement(); // before the element is visible, so that whoever reads it sees it counted
    if (!channel.offer(element)) {
      throw new MalformedFrameException("inbound channel " + id + " is full although it had credit");
    }
    counters.queued(channel.backlog());
    if (element == StreamElements.END_OF_PARTITION) {
      closed = true;
      connection.removeReceiver(this);
      service.receiverDone(this);
    }
  }

  void onPriorityEvent(PriorityBarrier event) throws MalformedFrameException {
    // Priority events need no credit, so the lane is bounded here: a producer sends one per
    // unaligned checkpoint, and far fewer checkpoints than this are ever in flight.
    if (channel.priorityBacklog() >= MAX_PRIORITY_BACKLOG) {
      throw new MalformedFrameException("the producer of channel " + id + " sent more than " + MAX_PRIORITY_BACKLOG
          + " priority events that the consumer has not taken yet");
    }
    channel.offerPriority(event);
    counters.addPriorityEvent();
  }

  /**
   * Ends the channel with a {@link ChannelFailure} after what arrived intact. It fits: the channel
   * holds one slot more than the credit granted, kept for this marker.
   */
  void fail(String cause) {
    fail(cause, false);
  }

  /** Like {@link #fail(String)}; {@code byProducer} when the producing task ended the channel abnormally. */
  void fail(String cause, boolean byProducer) {
    if (closed) {
      return;
    }
    closed = true;
    channel.offer(new ChannelFailure(channel.toString(), cause, byProducer));
    connection.removeReceiver(this);
    service.receiverFailed(this, cause);
  }

  /** Any thread: {@link #release} on the event loop. */
  void releaseLater() {
    connection.execute(this::release);
  }

  /** The consuming task is gone: stop the producer sending. */
  void release() {
    if (!closed) {
      closed = true;
      connection.removeReceiver(this);
      service.receiverDone(this);
    }
  }

  @Override
  public String toString() {
    return "RemoteReceiver(" + id + ")";
  }
}
