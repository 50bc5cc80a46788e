package io.spate.runtime.state.snapshot;

import io.spate.runtime.state.keygroup.KeyGroupRange;
import java.io.IOException;
import java.util.Arrays;

/**
 * A keyed-state snapshot in Spate's canonical format, which every state backend writes for full
 * checkpoints and savepoints and every backend reads: a header, then the state of each key group at
 * the offset recorded here, so that a restore at another parallelism reads only its key groups.
 *
 * @param keyGroupRange the key groups in the stream
 * @param offsets the stream offset of each key group, {@code offsets[i]} for key group {@code start + i}
 * @param delegate the bytes
 */
public record KeyGroupsStateHandle(KeyGroupRange keyGroupRange, long[] offsets, StreamStateHandle delegate)
    implements KeyedStateHandle {

  /** Checks that there is one offset per key group. */
  public KeyGroupsStateHandle {
    if (offsets.length != keyGroupRange.size()) {
      throw new IllegalArgumentException(offsets.length + " offsets for " + keyGroupRange.size() + " key groups");
    }
  }

  @Override
  public KeyGroupRange getKeyGroupRange() {
    return keyGroupRange;
  }

  /** The offset of {@code keyGroup} in the stream. */
  public long offsetOf(int keyGroup) {
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalArgumentException("Key group " + keyGroup + " is not in " + keyGroupRange);
    }
    return offsets[keyGroup - keyGroupRange.startKeyGroup()];
  }

  @Override
  public long getStateSize() {
    return delegate.getStateSize();
  }

  @Override
  public void discardState() throws IOException {
    delegate.discardState();
  }

  @Override
  public String toString() {
    return "KeyGroupsStateHandle(" + keyGroupRange + ", " + delegate + ", offsets " + Arrays.toString(offsets) + ")";
  }
}
