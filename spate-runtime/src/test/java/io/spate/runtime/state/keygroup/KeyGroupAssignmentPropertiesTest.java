package io.spate.runtime.state.keygroup;

import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Key groups as Flink assigns them: {@code murmur(keyHash) % maxParallelism}, contiguous key-group
 * ranges per subtask, and the subtask of a key group being the one whose range contains it.
 */
class KeyGroupAssignmentPropertiesTest {

  // ------------------------------------------------------------------ an independent murmur3_32

  /** Byte-wise MurmurHash3 x86_32, written from the reference algorithm (SMHasher). */
  @SuppressWarnings("fallthrough")
  static int murmur3x86_32(byte[] data, int seed) {
    final int c1 = 0xcc9e2d51;
    final int c2 = 0x1b873593;
    int h = seed;
    int blocks = data.length / 4;
    for (int b = 0; b < blocks; b++) {
      int i = b * 4;
      int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
      k *= c1;
      k = (k << 15) | (k >>> 17);
      k *= c2;
      h ^= k;
      h = (h << 13) | (h >>> 19);
      h = h * 5 + 0xe6546b64;
    }
    int tail = blocks * 4;
    int k = 0;
    switch (data.length & 3) {
      case 3:
        k ^= (data[tail + 2] & 0xff) << 16;
        // fall through
      case 2:
        k ^= (data[tail + 1] & 0xff) << 8;
        // fall through
      case 1:
        k ^= data[tail] & 0xff;
        k *= c1;
        k = (k << 15) | (k >>> 17);
        k *= c2;
        h ^= k;
        break;
      default:
        break;
    }
    h ^= data.length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** Flink's MathUtils.murmurHash: murmur3_32 (seed 0) of the int's 4 little-endian bytes, made non-negative. */
  static int flinkMurmur(int code) {
    byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(code).array();
    int h = murmur3x86_32(bytes, 0);
    if (h >= 0) {
      return h;
    }
    return h != Integer.MIN_VALUE ? -h : 0;
  }

  static byte[] le(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  @Test
  void referenceMurmurMatchesPublishedTestVectors() {
    // Test vectors of MurmurHash3 x86_32 (SMHasher / Wikipedia).
    assertThat(murmur3x86_32(new byte[0], 0)).isEqualTo(0);
    assertThat(murmur3x86_32(new byte[0], 1)).isEqualTo(0x514E28B7);
    assertThat(murmur3x86_32(new byte[0], 0xffffffff)).isEqualTo(0x81F16F39);
    assertThat(murmur3x86_32(new byte[] {0, 0, 0, 0}, 0)).isEqualTo(0x2362F9DE);
    assertThat(murmur3x86_32(new byte[] {0x21, 0x43, 0x65, (byte) 0x87}, 0)).isEqualTo(0xF55B516B);
    assertThat(murmur3x86_32(new byte[] {0x21, 0x43, 0x65, (byte) 0x87}, 0x5082EDEE)).isEqualTo(0x2362F9DE);
    assertThat(murmur3x86_32(new byte[] {0x21, 0x43, 0x65}, 0)).isEqualTo(0x7E4A8634);
    assertThat(murmur3x86_32(new byte[] {0x21, 0x43}, 0)).isEqualTo(0xA0F7B07A);
    assertThat(murmur3x86_32(new byte[] {0x21}, 0)).isEqualTo(0x72661CF4);
  }

  @Test
  void murmurStepMatchesIndependentMurmur3() {
    qt().forAll(integers().all())
        .checkAssert(code -> assertThat(KeyGroupAssignment.murmurFinalize(code)).isEqualTo(flinkMurmur(code)));
  }

  @Test
  void murmurStepOnEdgeCases() {
    for (int code : new int[] {0, 1, -1, 42, Integer.MIN_VALUE, Integer.MAX_VALUE, "spate".hashCode()}) {
      assertThat(KeyGroupAssignment.murmurFinalize(code)).as("code %d", code).isEqualTo(flinkMurmur(code));
    }
  }

  @Test
  void keyGroupIsInRangeAndIsMurmurModuloMaxParallelism() {
    qt().forAll(integers().all(), integers().between(1, 1 << 15))
        .checkAssert(KeyGroupAssignmentPropertiesTest::keyGroupIsInRangeAndIsMurmurModuloMaxParallelism);
  }

  private static void keyGroupIsInRangeAndIsMurmurModuloMaxParallelism(int keyHash, int maxParallelism) {
    int keyGroup = KeyGroupAssignment.keyGroupForHash(keyHash, maxParallelism);
    assertThat(keyGroup).isBetween(0, maxParallelism - 1);
    assertThat(keyGroup).isEqualTo(flinkMurmur(keyHash) % maxParallelism);
  }

  @Test
  void rangesPartitionAllKeyGroupsContiguouslyAndInOrder() {
    qt().forAll(integers().between(1, 1 << 15), integers().between(1, 1 << 15))
        .checkAssert(KeyGroupAssignmentPropertiesTest::rangesPartitionAllKeyGroupsContiguouslyAndInOrder);
  }

  private static void rangesPartitionAllKeyGroupsContiguouslyAndInOrder(int maxParallelism, int p) {
    int parallelism = Math.min(p, maxParallelism);
    int expectedStart = 0;
    for (int subtask = 0; subtask < parallelism; subtask++) {
      KeyGroupRange range = KeyGroupAssignment.rangeForSubtask(maxParallelism, parallelism, subtask);
      assertThat(range.startKeyGroup()).as("start of subtask %d", subtask).isEqualTo(expectedStart);
      // every subtask gets at least one key group when parallelism <= maxParallelism
      assertThat(range.size()).as("size of subtask %d", subtask).isGreaterThanOrEqualTo(1);
      // the ranges are balanced: sizes differ by at most one
      assertThat(range.size()).isBetween(maxParallelism / parallelism, maxParallelism / parallelism + 1);
      expectedStart = range.endKeyGroup() + 1;
    }
    assertThat(expectedStart).isEqualTo(maxParallelism);
  }

  @Test
  void subtaskOfAKeyGroupIsTheOneWhoseRangeContainsIt() {
    qt().forAll(integers().between(1, 4096), integers().between(1, 4096), integers().between(0, 4095))
        .checkAssert(KeyGroupAssignmentPropertiesTest::subtaskOfAKeyGroupIsTheOneWhoseRangeContainsIt);
  }

  private static void subtaskOfAKeyGroupIsTheOneWhoseRangeContainsIt(int maxParallelism, int p, int kg) {
    int parallelism = Math.min(p, maxParallelism);
    int keyGroup = kg % maxParallelism;
    int subtask = KeyGroupAssignment.subtaskForKeyGroup(keyGroup, maxParallelism, parallelism);
    assertThat(subtask).isBetween(0, parallelism - 1);
    assertThat(KeyGroupAssignment.rangeForSubtask(maxParallelism, parallelism, subtask).contains(keyGroup))
        .as("range of subtask %d contains key group %d (maxP %d, p %d)", subtask, keyGroup, maxParallelism, parallelism)
        .isTrue();
  }

  @Test
  void everyKeyGroupIsOwnedByExactlyOneSubtaskForSmallShapes() {
    for (int maxP = 1; maxP <= 130; maxP++) {
      for (int parallelism = 1; parallelism <= maxP; parallelism++) {
        for (int keyGroup = 0; keyGroup < maxP; keyGroup++) {
          int owners = 0;
          for (int subtask = 0; subtask < parallelism; subtask++) {
            if (KeyGroupAssignment.rangeForSubtask(maxP, parallelism, subtask).contains(keyGroup)) {
              owners++;
              assertThat(KeyGroupAssignment.subtaskForKeyGroup(keyGroup, maxP, parallelism)).isEqualTo(subtask);
            }
          }
          assertThat(owners).as("owners of %d (maxP %d, p %d)", keyGroup, maxP, parallelism).isEqualTo(1);
        }
      }
    }
  }
}
