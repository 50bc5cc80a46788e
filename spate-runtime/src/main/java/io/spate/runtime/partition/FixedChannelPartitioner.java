package io.spate.runtime.partition;

/** Sends every record to channel 0: the single connected consumer of {@code forward}, or {@code global}. */
public final class FixedChannelPartitioner implements StreamPartitioner {

  @Override
  public void setup(int numberOfChannels) {}

  @Override
  public int selectChannel(Object record) {
    return 0;
  }
}
