package io.spate.api.functions.source.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The random generators of the legacy data generator source: every value within its bounds, lengths
 * as asked, the null rate honoured, and bad bounds refused. A random generator keeps no state, so it
 * opens without a state context.
 */
class RandomGeneratorTest {

  private static <T> RandomGenerator<T> opened(RandomGenerator<T> generator) throws Exception {
    generator.open("test", null, null);
    return generator;
  }

  @Test
  void numbersStayWithinTheirBoundsBothIncluded() {
    qt().forAll(integers().between(-1_000, 1_000), integers().between(0, 20)).checkAssert((min, width) -> {
      int max = min + width;
      try {
        RandomGenerator<Integer> ints = opened(RandomGenerator.intGenerator(min, max));
        RandomGenerator<Long> longs = opened(RandomGenerator.longGenerator(min, max));
        RandomGenerator<Double> doubles = opened(RandomGenerator.doubleGenerator(min, max));
        RandomGenerator<Float> floats = opened(RandomGenerator.floatGenerator(min, max));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 400; i++) {
          assertThat(ints.hasNext()).isTrue();
          int value = ints.next();
          seen.add(value);
          assertThat(value).isBetween(min, max);
          assertThat(longs.next()).isBetween((long) min, (long) max);
          assertThat(doubles.next()).isBetween((double) min, (double) max);
          assertThat(floats.next()).isBetween((float) min, (float) max);
        }
        if (width <= 5) {
          assertThat(seen).as("every value of a narrow range turns up").hasSize(width + 1);
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void smallTypesBooleansAndExtremeRanges() throws Exception {
    RandomGenerator<Short> shorts = opened(RandomGenerator.shortGenerator((short) -3, (short) 3));
    RandomGenerator<Byte> bytes = opened(RandomGenerator.byteGenerator((byte) 120, (byte) 127));
    RandomGenerator<Boolean> booleans = opened(RandomGenerator.booleanGenerator());
    RandomGenerator<Long> widest = opened(RandomGenerator.longGenerator(Long.MIN_VALUE, Long.MAX_VALUE));
    RandomGenerator<Long> top = opened(RandomGenerator.longGenerator(Long.MAX_VALUE - 1, Long.MAX_VALUE));
    Set<Boolean> seenBooleans = new HashSet<>();
    Set<Long> seenTop = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      assertThat(shorts.next()).isBetween((short) -3, (short) 3);
      assertThat(bytes.next()).isBetween((byte) 120, (byte) 127);
      seenBooleans.add(booleans.next());
      widest.next();
      seenTop.add(top.next());
    }
    assertThat(seenBooleans).containsExactlyInAnyOrder(true, false);
    assertThat(seenTop).containsExactlyInAnyOrder(Long.MAX_VALUE - 1, Long.MAX_VALUE);
  }

  @Test
  void stringsArraysAndMapsHaveTheirLength() throws Exception {
    RandomGenerator<String> fixed = opened(RandomGenerator.stringGenerator(8));
    RandomGenerator<String> variable = opened(RandomGenerator.stringGenerator(8).withVarLen(true));
    RandomGenerator<Integer[]> arrays = opened(RandomGenerator.arrayGenerator(RandomGenerator.intGenerator(1, 2), 4));
    RandomGenerator<Map<Integer, String>> maps = opened(RandomGenerator.mapGenerator(
        RandomGenerator.intGenerator(0, 1_000_000), RandomGenerator.stringGenerator(3), 5));
    Set<Integer> lengths = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      assertThat(fixed.next()).hasSize(8).matches("[0-9a-f]{8}");
      String varying = variable.next();
      assertThat(varying.length()).isBetween(1, 8);
      lengths.add(varying.length());
      Object[] array = arrays.next();
      assertThat(array).hasSize(4);
      assertThat(array).allSatisfy(v -> assertThat((Integer) v).isBetween(1, 2));
      assertThat(maps.next()).hasSizeBetween(1, 5).allSatisfy((k, v) -> assertThat(v).hasSize(3));
    }
    assertThat(lengths).as("varying lengths vary").hasSizeGreaterThan(3);
  }

  @Test
  void theNullRateIsHonoured() throws Exception {
    RandomGenerator<Integer> never = opened(RandomGenerator.intGenerator(1, 5).withNullRate(0f));
    RandomGenerator<Integer> always = opened(RandomGenerator.intGenerator(1, 5).withNullRate(1f));
    RandomGenerator<Integer> half = opened(RandomGenerator.intGenerator(1, 5).withNullRate(0.5f));
    int nulls = 0;
    for (int i = 0; i < 2_000; i++) {
      assertThat(never.next()).isNotNull();
      assertThat(always.next()).isNull();
      nulls += half.next() == null ? 1 : 0;
    }
    assertThat(nulls).as("about half of 2000 (far beyond chance either side)").isBetween(700, 1_300);
    assertThatThrownBy(() -> RandomGenerator.intGenerator(1, 5).withNullRate(1.5f)).hasMessageContaining("1.5");
  }

  @Test
  void badBoundsAreRefused() {
    assertThatThrownBy(() -> RandomGenerator.intGenerator(5, 1)).hasMessageContaining("intGenerator");
    assertThatThrownBy(() -> RandomGenerator.longGenerator(5, 1)).hasMessageContaining("longGenerator");
    assertThatThrownBy(() -> RandomGenerator.stringGenerator(0)).hasMessageContaining("stringGenerator");
    assertThatThrownBy(() -> SequenceGenerator.longGenerator(5, 1)).hasMessageContaining("above the end");
    assertThatThrownBy(() -> new DataGeneratorSource<>(RandomGenerator.booleanGenerator(), 0, null))
        .hasMessageContaining("rowsPerSecond");
    assertThatThrownBy(() -> new DataGeneratorSource<>(RandomGenerator.booleanGenerator(), 10, -1L))
        .hasMessageContaining("numberOfRows");
  }
}
