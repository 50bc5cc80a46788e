package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;
import sun.misc.Unsafe;

class PaddedLongTest {

  @Test
  void theValueHasPaddingOfAPairOfCacheLinesOnEachSideInThisJvmsLayout() throws Exception {
    Unsafe unsafe = unsafe();
    long valueOffset = unsafe.objectFieldOffset(PaddedLong.class.getDeclaredField("value"));
    long end = Arrays.stream(PaddedLong.class.getDeclaredFields())
        .filter(field -> !Modifier.isStatic(field.getModifiers()))
        .mapToLong(field -> unsafe.objectFieldOffset(field) + 8)
        .max().orElseThrow();
    // Whatever object lies before or after this one, nothing of it comes within 128 bytes of the value.
    assertThat(valueOffset).isGreaterThanOrEqualTo(PaddedLong.PADDING_BYTES);
    assertThat(end - (valueOffset + Long.BYTES)).isGreaterThanOrEqualTo(PaddedLong.PADDING_BYTES);
  }

  @Test
  void writesAndReadsAreThoseOfAPlainLong() {
    qt().withExamples(500)
        .forAll(SourceDSL.longs().all(), SourceDSL.lists().of(SourceDSL.longs().all()).ofSizeBetween(0, 20))
        .checkAssert((initial, deltas) -> {
          PaddedLong cell = new PaddedLong(initial);
          long expected = initial;
          for (long delta : deltas) {
            cell.add(delta);
            cell.increment();
            expected += delta + 1;
          }
          assertThat(cell.get()).isEqualTo(expected);
          assertThat(cell.toString()).isEqualTo(Long.toString(expected));
          cell.set(initial);
          assertThat(cell.get()).isEqualTo(initial);
        });
  }

  @Test
  void raiseToKeepsTheGreatestValueSeen() {
    qt().withExamples(500)
        .forAll(SourceDSL.longs().all(), SourceDSL.lists().of(SourceDSL.longs().all()).ofSizeBetween(0, 20))
        .checkAssert((initial, candidates) -> {
          PaddedLong cell = new PaddedLong(initial);
          candidates.forEach(cell::raiseTo);
          long max = candidates.stream().mapToLong(Long::longValue).reduce(initial, Math::max);
          assertThat(cell.get()).isEqualTo(max);
        });
  }

  @Test
  void aNewCellHoldsZero() {
    assertThat(new PaddedLong().get()).isZero();
  }

  private static Unsafe unsafe() throws ReflectiveOperationException {
    Field field = Unsafe.class.getDeclaredField("theUnsafe");
    field.setAccessible(true);
    return (Unsafe) field.get(null);
  }
}
