package io.spate.runtime.partition;

import io.spate.api.functions.KeySelector;
import io.spate.api.functions.Partitioner;

/** Sends each record where a user {@link Partitioner} says, checking its answer. */
public final class CustomPartitionerWrapper implements StreamPartitioner {

  private final Partitioner<Object> partitioner;
  private final KeySelector<Object, Object> keySelector;
  private int numberOfChannels;

  /** Wraps {@code partitioner} applied to the keys from {@code keySelector}. */
  @SuppressWarnings("unchecked")
  public CustomPartitionerWrapper(Partitioner<?> partitioner, KeySelector<?, ?> keySelector) {
    this.partitioner = (Partitioner<Object>) partitioner;
    this.keySelector = (KeySelector<Object, Object>) keySelector;
  }

  @Override
  public void setup(int numberOfChannels) {
    this.numberOfChannels = numberOfChannels;
  }

  @Override
  public int selectChannel(Object record) throws Exception {
    int channel = partitioner.partition(keySelector.getKey(record), numberOfChannels);
    if (channel < 0 || channel >= numberOfChannels) {
      throw new IllegalStateException("The custom partitioner " + partitioner.getClass().getName()
          + " returned channel " + channel + " for record " + record + ", but there are "
          + numberOfChannels + " channels (valid: 0.." + (numberOfChannels - 1) + ").");
    }
    return channel;
  }
}
