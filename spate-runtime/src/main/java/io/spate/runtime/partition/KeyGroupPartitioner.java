package io.spate.runtime.partition;

import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.KeyGroupAssignment;

/** Sends each record to the consumer subtask that owns the key group of the record's key. */
public final class KeyGroupPartitioner implements StreamPartitioner {

  private final KeySelector<Object, Object> keySelector;
  private final TypeInformation<Object> keyType;
  private final int maxParallelism;
  private int numberOfChannels;

  /** Creates the partitioner for keys of {@code keyType} over {@code maxParallelism} key groups. */
  @SuppressWarnings("unchecked")
  public KeyGroupPartitioner(KeySelector<?, ?> keySelector, TypeInformation<?> keyType, int maxParallelism) {
    this.keySelector = (KeySelector<Object, Object>) keySelector;
    this.keyType = (TypeInformation<Object>) keyType;
    this.maxParallelism = maxParallelism;
  }

  @Override
  public void setup(int numberOfChannels) {
    this.numberOfChannels = numberOfChannels;
  }

  @Override
  public int selectChannel(Object record) throws Exception {
    Object key = keySelector.getKey(record);
    if (key == null) {
      throw new NullPointerException("The key selector returned null for record " + record
          + ": keys must not be null.");
    }
    int keyGroup = KeyGroupAssignment.keyGroupForHash(keyType.keyHash(key), maxParallelism);
    return KeyGroupAssignment.subtaskForKeyGroup(keyGroup, maxParallelism, numberOfChannels);
  }
}
