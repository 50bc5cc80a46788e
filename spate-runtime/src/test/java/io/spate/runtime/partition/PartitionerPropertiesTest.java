package io.spate.runtime.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.functions.KeySelector;
import io.spate.api.functions.Partitioner;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.StringGens;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

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

  @Test
  void keyGroupPartitionerRoutesStringKeysLikeFlink() {
    qt().forAll(StringGens.anyChars(0, 20), integers().between(1, 1024), integers().between(1, 1024))
        .checkAssert((key, maxParallelism, p) -> CheckedLaw.check(
            () -> keyGroupPartitionerRoutesStringKeysLikeFlink(key, maxParallelism, p)));
  }

  private static void keyGroupPartitionerRoutesStringKeysLikeFlink(String key, int maxParallelism, int p)
      throws Exception {
    int parallelism = Math.min(p, maxParallelism);
    KeySelector<String, String> identity = s -> s;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(identity, Types.STRING, maxParallelism);
    partitioner.setup(parallelism);
    assertThat(partitioner.selectChannel(key)).isEqualTo(expectedChannel(key, maxParallelism, parallelism));
  }

  @Test
  void keyGroupPartitionerRoutesIntegerKeysLikeFlink() {
    qt().forAll(integers().all(), integers().between(1, 1024), integers().between(1, 1024))
        .checkAssert((key, maxParallelism, p) -> CheckedLaw.check(
            () -> keyGroupPartitionerRoutesIntegerKeysLikeFlink(key, maxParallelism, p)));
  }

  private static void keyGroupPartitionerRoutesIntegerKeysLikeFlink(int key, int maxParallelism, int p)
      throws Exception {
    int parallelism = Math.min(p, maxParallelism);
    KeySelector<Integer, Integer> identity = i -> i;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(identity, Types.INT, maxParallelism);
    partitioner.setup(parallelism);
    assertThat(partitioner.selectChannel(key)).isEqualTo(expectedChannel(key, maxParallelism, parallelism));
  }

  enum Shade { LIGHT, DARK, NEUTRAL }

  /** A record key: value equality from its components. */
  record Account(String bank, int number) {}

  @Test
  void enumKeysRouteByNameSoThatTheyHashTheSameInEveryJvm() {
    qt().forAll(Generate.enumValues(Shade.class), integers().between(1, 512), integers().between(1, 512))
        .checkAssert((shade, maxParallelism, p) -> CheckedLaw.check(
            () -> enumKeysRouteByNameSoThatTheyHashTheSameInEveryJvm(shade, maxParallelism, p)));
  }

  private static void enumKeysRouteByNameSoThatTheyHashTheSameInEveryJvm(Shade shade, int maxParallelism, int p)
      throws Exception {
    int parallelism = Math.min(p, maxParallelism);
    KeySelector<Shade, Shade> identity = s -> s;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(identity, Types.ENUM(Shade.class), maxParallelism);
    partitioner.setup(parallelism);
    // the identity hash code of an enum constant differs between JVMs; its name does not
    assertThat(partitioner.selectChannel(shade)).isEqualTo(expectedChannel(shade.name(), maxParallelism, parallelism));
  }

  @Test
  void equalRecordKeysBuiltSeparatelyGoToTheSameChannel() {
    qt().forAll(StringGens.anyChars(0, 12), integers().all(), integers().between(1, 512), integers().between(1, 512))
        .checkAssert((bank, number, maxParallelism, p) -> CheckedLaw.check(
            () -> equalRecordKeysBuiltSeparatelyGoToTheSameChannel(bank, number, maxParallelism, p)));
  }

  private static void equalRecordKeysBuiltSeparatelyGoToTheSameChannel(String bank, int number, int maxParallelism,
      int p) throws Exception {
    int parallelism = Math.min(p, maxParallelism);
    KeySelector<Account, Account> identity = a -> a;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(identity, Types.RECORD(Account.class), maxParallelism);
    partitioner.setup(parallelism);
    int first = partitioner.selectChannel(new Account(new String(bank.toCharArray()), number));
    int second = partitioner.selectChannel(new Account(new String(bank.toCharArray()), number));
    assertThat(first).isEqualTo(second).isBetween(0, parallelism - 1);
  }

  @Test
  void keyGroupPartitionerRejectsNullKeysWithAClearMessage() {
    KeySelector<String, String> nullKey = s -> null;
    KeyGroupPartitioner partitioner = new KeyGroupPartitioner(nullKey, Types.STRING, 128);
    partitioner.setup(4);
    assertThatThrownBy(() -> partitioner.selectChannel("x")).hasMessageContaining("null");
  }

  @Test
  void roundRobinVisitsEveryChannelOncePerCycle() {
    qt().forAll(integers().between(1, 64))
        .checkAssert(PartitionerPropertiesTest::roundRobinVisitsEveryChannelOncePerCycle);
  }

  private static void roundRobinVisitsEveryChannelOncePerCycle(int channels) {
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

  @Test
  void shuffleStaysInRange() {
    qt().forAll(integers().between(1, 64)).checkAssert(PartitionerPropertiesTest::shuffleStaysInRange);
  }

  private static void shuffleStaysInRange(int channels) {
    ShufflePartitioner partitioner = new ShufflePartitioner();
    partitioner.setup(channels);
    for (int i = 0; i < 200; i++) {
      assertThat(partitioner.selectChannel("r")).isBetween(0, channels - 1);
    }
  }

  @Test
  void customPartitionerAnswerOutOfRangeIsAClearError() {
    Partitioner<Integer> bad = (key, n) -> n; // one past the last channel
    KeySelector<Integer, Integer> identity = i -> i;
    CustomPartitionerWrapper partitioner = new CustomPartitionerWrapper(bad, identity);
    partitioner.setup(3);
    assertThatThrownBy(() -> partitioner.selectChannel(7))
        .hasMessageContaining("returned channel 3")
        .hasMessageContaining("3 channels");
  }

  @Test
  void customPartitionerUsesTheUsersAnswer() {
    qt().forAll(integers().all(), integers().between(1, 64))
        .checkAssert((key, channels) -> CheckedLaw.check(() -> customPartitionerUsesTheUsersAnswer(key, channels)));
  }

  private static void customPartitionerUsesTheUsersAnswer(int key, int channels) throws Exception {
    Partitioner<Integer> mod = (k, n) -> Math.floorMod(k, n);
    KeySelector<Integer, Integer> identity = i -> i;
    CustomPartitionerWrapper partitioner = new CustomPartitionerWrapper(mod, identity);
    partitioner.setup(channels);
    assertThat(partitioner.selectChannel(key)).isEqualTo(Math.floorMod(key, channels));
  }
}
