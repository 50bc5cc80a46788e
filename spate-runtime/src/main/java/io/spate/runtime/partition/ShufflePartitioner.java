package io.spate.runtime.partition;

import java.util.SplittableRandom;

/** Sends each record to a uniformly random channel. */
public final class ShufflePartitioner implements StreamPartitioner {

  private final SplittableRandom random = new SplittableRandom();
  private int numberOfChannels;

  @Override
  public void setup(int numberOfChannels) {
    this.numberOfChannels = numberOfChannels;
  }

  @Override
  public int selectChannel(Object record) {
    return random.nextInt(numberOfChannels);
  }
}
