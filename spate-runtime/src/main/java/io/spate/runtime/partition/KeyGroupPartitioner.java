package io.spate.runtime.partition;

import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;

/** Sends each record to the consumer subtask that owns the key group of the record's key. */
public final class KeyGroupPartitioner implements StreamPartitioner {

  private final KeySelector<Object, Object> keySelector;
  private final TypeInformation<Object> keyType;
  private final int maxParallelism;
  private final int keyGroupMask;
  private int[] channelOfKeyGroup;

  /** Creates the partitioner for keys of {@code keyType} over {@code maxParallelism} key groups. */
  @SuppressWarnings("unchecked")
  public KeyGroupPartitioner(KeySelector<?, ?> keySelector, TypeInformation<?> keyType, int maxParallelism) {
    this.keySelector = (KeySelector<Object, Object>) keySelector;
    this.keyType = (TypeInformation<Object>) keyType;
    this.maxParallelism = maxParallelism;
    // The murmur step yields a non-negative hash, so for a power of two the mask equals the modulo.
    this.keyGroupMask = Integer.bitCount(maxParallelism) == 1 ? maxParallelism - 1 : -1;
  }

  @Override
  public void setup(int numberOfChannels) {
    channelOfKeyGroup = new int[maxParallelism];
    for (int keyGroup = 0; keyGroup < maxParallelism; keyGroup++) {
      channelOfKeyGroup[keyGroup] = KeyGroupAssignment.subtaskForKeyGroup(keyGroup, maxParallelism, numberOfChannels);
    }
  }

  @Override
  public int selectChannel(Object record) throws Exception {
    return channelOfKey(keyOf(record));
  }

  /** The key of {@code record}; never null. */
  public Object keyOf(Object record) throws Exception {
    Object key = keySelector.getKey(record);
    if (key == null) {
      throw new NullPointerException("The key selector returned null for record " + record
          + ": keys must not be null.");
    }
    return key;
  }

  /** The channel of the records with key {@code key}. */
  public int channelOfKey(Object key) {
    int hash = keyType.keyHash(key);
    int keyGroup = keyGroupMask >= 0
        ? KeyGroupAssignment.murmurFinalize(hash) & keyGroupMask
        : KeyGroupAssignment.keyGroupForHash(hash, maxParallelism);
    return channelOfKeyGroup[keyGroup];
  }
}
