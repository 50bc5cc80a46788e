package io.spate.runtime.partition;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Cycles over the channels, starting at a random one so that parallel producers do not all start
 * on channel 0. Serves {@code rebalance} (all consumers) and {@code rescale} (a local group).
 */
public final class RoundRobinPartitioner implements StreamPartitioner {

  private int numberOfChannels;
  private int next;

  @Override
  public void setup(int numberOfChannels) {
    this.numberOfChannels = numberOfChannels;
    this.next = ThreadLocalRandom.current().nextInt(numberOfChannels);
  }

  @Override
  public int selectChannel(Object record) {
    int channel = next;
    if (++next == numberOfChannels) {
      next = 0;
    }
    return channel;
  }
}
