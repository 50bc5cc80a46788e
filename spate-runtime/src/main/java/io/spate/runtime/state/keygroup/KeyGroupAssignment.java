package io.spate.runtime.state.keygroup;

/**
 * Maps keys to key groups and key groups to subtasks, exactly as Flink does, so that state can be
 * rescaled and keys land where Flink users expect them.
 */
public final class KeyGroupAssignment {

  private KeyGroupAssignment() {}

  /** The key group of a key whose stable hash is {@code keyHash}. */
  public static int keyGroupForHash(int keyHash, int maxParallelism) {
    return murmurFinalize(keyHash) % maxParallelism;
  }

  /** The subtask that owns {@code keyGroup}. */
  public static int subtaskForKeyGroup(int keyGroup, int maxParallelism, int parallelism) {
    return keyGroup * parallelism / maxParallelism;
  }

  /** The key groups that subtask {@code subtaskIndex} owns. */
  public static KeyGroupRange rangeForSubtask(int maxParallelism, int parallelism, int subtaskIndex) {
    if (parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "Parallelism " + parallelism + " is above max parallelism " + maxParallelism);
    }
    int start = (subtaskIndex * maxParallelism + parallelism - 1) / parallelism;
    int end = ((subtaskIndex + 1) * maxParallelism - 1) / parallelism;
    return new KeyGroupRange(start, end);
  }

  /**
   * Murmur3 (32-bit, seed 0) of one 4-byte block, made non-negative: spreads poor hash codes (such
   * as small integers) evenly over key groups.
   */
  public static int murmurFinalize(int code) {
    int k = code * 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    k *= 0x1b873593;
    int h = Integer.rotateLeft(k, 13);
    h = h * 5 + 0xe6546b64;
    h ^= 4; // the input length in bytes
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    if (h >= 0) {
      return h;
    }
    return h != Integer.MIN_VALUE ? -h : 0;
  }
}
