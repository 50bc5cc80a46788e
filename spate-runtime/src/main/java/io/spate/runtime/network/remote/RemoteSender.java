package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.network.remote.FrameEncoder.FrameTooLargeException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The producer side of a remote channel: drains the outbound {@link LocalChannel} the producing task
 * writes to, on the connection's event loop, sending an ordinary element only while it holds
 * credit, and a priority event at once. Until the consumer subscribes, elements wait in the
 * outbound channel, whose filling up is the producer's backpressure.
 */
final class RemoteSender {

  private final ChannelId id;
  private final LocalChannel channel;
  private final BatchCodec codec;
  private final RemoteShuffleService service;
  private final ChannelCounters counters = new ChannelCounters();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Runnable drain = this::drain;
  // Written once on the event loop, read by the producer's thread to schedule drains.
  private volatile Connection connection;
  // Guarded by the service's registry lock: whether a subscription claimed this sender.
  private boolean subscribed;
  // Event loop only.
  private int initialCredit;
  private int credit;
  private boolean closed;
  // Written on the event loop, read by the producer: without credit only a priority event needs a
  // drain, and the credit's arrival drains anyway, so ordinary elements then wake nobody.
  private volatile boolean hasCredit;
  private volatile boolean abandoned;

  RemoteSender(ChannelId id, LocalChannel channel, BatchCodec codec, RemoteShuffleService service) {
    this.id = id;
    this.channel = channel;
    this.codec = codec;
    this.service = service;
    channel.registerConsumerWaker(this::wake);
  }

  ChannelId id() {
    return id;
  }

  ChannelCounters counters() {
    return counters;
  }

  boolean claimSubscription() {
    if (subscribed) {
      return false;
    }
    subscribed = true;
    return true;
  }

  /** Producer's thread (or any): elements arrived; drains on the event loop, at most one drain queued. */
  private void wake() {
    Connection c = connection;
    if (c != null && (hasCredit || channel.priorityBacklog() > 0) && !drainScheduled.get()
        && drainScheduled.compareAndSet(false, true)) {
      c.execute(drain);
    }
  }

  /** The consumer subscribed over {@code connection}, granting {@code credit}. */
  void bind(Connection connection, int credit) {
    if (abandoned) {
      this.connection = connection;
      fail("the producing task ended before it finished the channel", true);
      return;
    }
    this.initialCredit = credit;
    this.credit = credit;
    hasCredit = credit > 0;
    counters.addCredits(credit);
    this.connection = connection;
    drain();
  }

  void addCredit(int added) throws MalformedFrameException {
    if (closed) {
      return; // credits the consumer returned before it learned the channel ended
    }
    if (added < 1 || added > initialCredit - credit) {
      throw new MalformedFrameException("channel " + id + " got " + added + " credits while holding " + credit
          + " of " + initialCredit);
    }
    credit += added;
    hasCredit = true;
    counters.addCredits(added);
    drain();
  }

  private void drain() {
    drainScheduled.set(false);
    if (closed) {
      return;
    }
    Connection c = connection;
    boolean wrote = false;
    try {
      Object event;
      while ((event = channel.pollPriority()) != null) {
        EventCodec.writePriorityEvent(event, c.startFrame());
        channel.addNetworkBytes(c.finishFrame(FrameType.PRIORITY_EVENT, id));
        counters.addPriorityEvent();
        wrote = true;
      }
      while (credit > 0) {
        Object element = channel.poll();
        if (element == null) {
          break;
        }
        credit--;
        if (element instanceof RecordBatch batch) {
          codec.write(batch, c.startFrame());
          channel.addNetworkBytes(c.finishFrame(FrameType.BATCH, id));
          channel.recycle(batch);
        } else {
          EventCodec.writeEvent(element, c.startFrame());
          channel.addNetworkBytes(c.finishFrame(FrameType.EVENT, id));
        }
        counters.addElement();
        wrote = true;
        if (element == StreamElements.END_OF_PARTITION) {
          closed = true; // the consumer's channel close makes the connection forget it
          service.senderDone(this);
          break;
        }
      }
    } catch (IOException | FrameTooLargeException | RuntimeException e) {
      // Our own messages say what went wrong; a serializer's runtime exception needs its type.
      fail("cannot send on channel " + id + ": " + (e instanceof RuntimeException ? e : e.getMessage()), true);
      return;
    }
    if (credit == 0) {
      hasCredit = false; // before a producer's next offer is looked at: see addCredit
    }
    if (wrote) {
      c.flush();
    }
  }

  /** The consumer closed the channel: nothing more is sent. */
  void onConsumerClosed() {
    if (!closed) {
      closed = true;
      service.senderDone(this);
    }
  }

  /**
   * The producing task ended without finishing the channel (any thread): the consumer is told and
   * nothing more is sent.
   */
  void abandon() {
    abandoned = true;
    Connection c = connection;
    if (c == null) {
      service.senderDone(this); // a subscription binding meanwhile sees the flag
    } else {
      c.execute(() -> fail("the producing task ended before it finished the channel", true));
    }
  }

  /** Fails the channel, telling the consumer if {@code tellConsumer}; event loop only. */
  void fail(String cause, boolean tellConsumer) {
    if (closed) {
      return;
    }
    closed = true;
    if (tellConsumer && connection != null) {
      connection.writeChannelError(id, cause);
    }
    service.senderFailed(this, cause);
  }

  @Override
  public String toString() {
    return "RemoteSender(" + id + ")";
  }
}
