package io.spate.runtime.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.functions.KeySelector;
import io.spate.api.functions.Partitioner;
import io.spate.api.typeinfo.Types;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The channel selection of the partitioners, against independent computations. */
class PartitionerPropertiesTest {

  /** Flink's key-group routing, computed independently: murmur3_32 of hashCode, mod maxP, then scaled. */
  static int expectedChannel(Object key, int maxParallelism, int parallelism) {
    byte[] b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(key.hashCode()).array();
    int k = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    k *= 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    k *= 0x1b873593;
    int h = k;
    h = Integer.rotateLeft(h, 13);
    h = h * 5 + 0xe6546b64;
    h ^= 4;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    int nonNegative = h >= 0 ? h : (h != Integer.MIN_VALUE ? -h : 0);
    int keyGroup = nonNegative % maxParallelism;
    return keyGroup * parallelism / maxParallelism;
  }

  @Property
  void keyGroupPartitionerRoutesStringKeysLikeFlink(
      @ForAll @Size(max = 20) String key,
      @ForAll @IntRange(min = 1, max = 1024) int maxParallelism,
      @ForAll @IntRange(min = 1, max = 1024) int p) throws Exception {
    int parallelism = Math.min(p, maxParallelism);
    KeySelector<String, String> identity = s -> s;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(identity, Types.STRING, maxParallelism);
    partitioner.setup(parallelism);
    assertThat(partitioner.selectChannel(key)).isEqualTo(expectedChannel(key, maxParallelism, parallelism));
  }

  @Property
  void keyGroupPartitionerRoutesIntegerKeysLikeFlink(
      @ForAll int key, @ForAll @IntRange(min = 1, max = 1024) int maxParallelism,
      @ForAll @IntRange(min = 1, max = 1024) int p) throws Exception {
    int parallelism = Math.min(p, maxParallelism);
    KeySelector<Integer, Integer> identity = i -> i;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(identity, Types.INT, maxParallelism);
    partitioner.setup(parallelism);
    assertThat(partitioner.selectChannel(key)).isEqualTo(expectedChannel(key, maxParallelism, parallelism));
  }

  enum Shade { LIGHT, DARK, NEUTRAL }

  /** A record key: value equality from its components. */
  record Account(String bank, int number) {}

  @Property
  void enumKeysRouteByNameSoThatTheyHashTheSameInEveryJvm(
      @ForAll Shade shade, @ForAll @IntRange(min = 1, max = 512) int maxParallelism,
      @ForAll @IntRange(min = 1, max = 512) int p) throws Exception {
    int parallelism = Math.min(p, maxParallelism);
    KeySelector<Shade, Shade> identity = s -> s;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(identity, Types.ENUM(Shade.class), maxParallelism);
    partitioner.setup(parallelism);
    // the identity hash code of an enum constant differs between JVMs; its name does not
    assertThat(partitioner.selectChannel(shade)).isEqualTo(expectedChannel(shade.name(), maxParallelism, parallelism));
  }

  @Property
  void equalRecordKeysBuiltSeparatelyGoToTheSameChannel(
      @ForAll @Size(max = 12) String bank, @ForAll int number,
      @ForAll @IntRange(min = 1, max = 512) int maxParallelism, @ForAll @IntRange(min = 1, max = 512) int p)
      throws Exception {
    int parallelism = Math.min(p, maxParallelism);
    KeySelector<Account, Account> identity = a -> a;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(identity, Types.RECORD(Account.class), maxParallelism);
    partitioner.setup(parallelism);
    int first = partitioner.selectChannel(new Account(new String(bank.toCharArray()), number));
    int second = partitioner.selectChannel(new Account(new String(bank.toCharArray()), number));
    assertThat(first).isEqualTo(second).isBetween(0, parallelism - 1);
  }

  @Example
  void keyGroupPartitionerRejectsNullKeysWithAClearMessage() {
    KeySelector<String, String> nullKey = s -> null;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(nullKey, Types.STRING, 128);
    partitioner.setup(4);
    assertThatThrownBy(() -> partitioner.selectChannel("x")).hasMessageContaining("null");
  }

  @Property
  void roundRobinVisitsEveryChannelOncePerCycle(@ForAll @IntRange(min = 1, max = 64) int channels) {
    RoundRobinPartitioner partitioner = new RoundRobinPartitioner();
    partitioner.setup(channels);
    for (int cycle = 0; cycle < 3; cycle++) {
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < channels; i++) {
        int c = partitioner.selectChannel("r");
        assertThat(c).isBetween(0, channels - 1);
        seen.add(c);
      }
      assertThat(seen).hasSize(channels);
    }
  }

  @Property
  void shuffleStaysInRange(@ForAll @IntRange(min = 1, max = 64) int channels) {
    ShufflePartitioner partitioner = new ShufflePartitioner();
    partitioner.setup(channels);
    for (int i = 0; i < 200; i++) {
      assertThat(partitioner.selectChannel("r")).isBetween(0, channels - 1);
    }
  }

  @Example
  void customPartitionerAnswerOutOfRangeIsAClearError() {
    Partitioner<Integer> bad = (key, n) -> n; // one past the last channel
    KeySelector<Integer, Integer> identity = i -> i;
    CustomPartitionerWrapper partitioner = new CustomPartitionerWrapper(bad, identity);
    partitioner.setup(3);
    assertThatThrownBy(() -> partitioner.selectChannel(7))
        .hasMessageContaining("returned channel 3")
        .hasMessageContaining("3 channels");
  }

  @Property
  void customPartitionerUsesTheUsersAnswer(@ForAll int key, @ForAll @IntRange(min = 1, max = 64) int channels)
      throws Exception {
    Partitioner<Integer> mod = (k, n) -> Math.floorMod(k, n);
    KeySelector<Integer, Integer> identity = i -> i;
    CustomPartitionerWrapper partitioner = new CustomPartitionerWrapper(mod, identity);
    partitioner.setup(channels);
    assertThat(partitioner.selectChannel(key)).isEqualTo(Math.floorMod(key, channels));
  }
}
