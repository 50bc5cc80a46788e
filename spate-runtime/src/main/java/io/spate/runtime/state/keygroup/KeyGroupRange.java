package io.spate.runtime.state.keygroup;

/**
 * A contiguous range of key groups, both ends included; the unit of state a subtask owns.
 *
 * @param startKeyGroup the first key group
 * @param endKeyGroup the last key group
 */
public record KeyGroupRange(int startKeyGroup, int endKeyGroup) implements java.io.Serializable {

  /** Whether {@code keyGroup} lies in the range. */
  public boolean contains(int keyGroup) {
    return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
  }

  /** The number of key groups in the range. */
  public int size() {
    return Math.max(0, endKeyGroup - startKeyGroup + 1);
  }
}
