package io.spate.runtime.network.remote;

/**
 * What one side of a remote channel has done so far, for metrics and for checking the credit law:
 * on either side {@link #elements()} never exceeds {@link #credits()}. Written by the channel's
 * event loop only, readable from any thread.
 */
public final class ChannelCounters {

  private volatile long elements;
  private volatile long credits;
  private volatile long priorityEvents;
  private volatile int maxQueued;

  /** Ordinary elements sent (sender) or received (receiver). */
  public long elements() {
    return elements;
  }

  /** Credits received from the consumer (sender) or granted to the producer (receiver), initial ones included. */
  public long credits() {
    return credits;
  }

  /** Priority events sent or received, which need no credit. */
  public long priorityEvents() {
    return priorityEvents;
  }

  /** Receiver: the most elements the inbound channel ever held after an arrival. */
  public int maxQueued() {
    return maxQueued;
  }

  void addElement() {
    elements = elements + 1;
  }

  void addCredits(int n) {
    credits = credits + n;
  }

  void addPriorityEvent() {
    priorityEvents = priorityEvents + 1;
  }

  void queued(int backlog) {
    if (backlog > maxQueued) {
      maxQueued = backlog;
    }
  }

  @Override
  public String toString() {
    return "ChannelCounters(elements " + elements + ", credits " + credits + ", priority events " + priorityEvents
        + ", max queued " + maxQueued + ")";
  }
}
