package io.spate.runtime.network;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The network inputs of one consuming subtask: its channels from every producer of every input
 * edge, with the operator input (0 or 1) each channel feeds.
 */
public final class InputGate {

  private final LocalChannel[] channels;
  private final int[] inputIndex;
  private final AtomicLong priorityEvents = new AtomicLong();

  /** Creates the gate; {@code inputIndex[i]} is the operator input of {@code channels[i]}. */
  public InputGate(LocalChannel[] channels, int[] inputIndex) {
    this.channels = channels;
    this.inputIndex = inputIndex;
    for (LocalChannel channel : channels) {
      channel.registerPriorityNotifier(priorityEvents);
    }
  }

  /**
   * How many priority events the channels have received since the gate was built; when it has not
   * changed, no priority lane needs a look (events from before the gate existed are not counted).
   */
  public long priorityEventCount() {
    return priorityEvents.get();
  }

  /** Has {@code waker} run whenever an element or priority event arrives on any channel. */
  public void registerWaker(Runnable waker) {
    for (LocalChannel channel : channels) {
      channel.registerConsumerWaker(waker);
    }
  }

  /** The number of channels. */
  public int numberOfChannels() {
    return channels.length;
  }

  /** The channel at {@code index}. */
  public LocalChannel channel(int index) {
    return channels[index];
  }

  /** The operator input that channel {@code index} feeds. */
  public int inputIndexOf(int index) {
    return inputIndex[index];
  }
}
