package io.spate.runtime.partition;

/** Sends every record to every channel. */
public final class BroadcastPartitioner implements StreamPartitioner {

  @Override
  public void setup(int numberOfChannels) {}

  @Override
  public int selectChannel(Object record) {
    throw new IllegalStateException("A broadcast partitioner selects all channels");
  }

  @Override
  public boolean isBroadcast() {
    return true;
  }
}
