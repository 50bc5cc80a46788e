package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Number sequences split into contiguous parts that cover them once; random numbers repeat by seed. */
class IteratorsTest {

  @Test
  void theSplitsOfASequenceAreContiguousAndCoverItOnce() {
    qt().forAll(SourceDSL.longs().between(-1_000, 1_000), SourceDSL.integers().between(0, 300),
        SourceDSL.integers().between(1, 12)).checkAssert((from, count, parts) -> {
          NumberSequenceIterator sequence = new NumberSequenceIterator(from, from + count);
          List<Long> all = new ArrayList<>();
          Iterator<Long>[] splits = sequence.split(parts);
          assertThat(splits).hasSize(parts);
          for (Iterator<Long> split : splits) {
            split.forEachRemaining(all::add);
          }
          List<Long> expected = new ArrayList<>();
          for (long n = from; n <= from + count; n++) {
            expected.add(n);
          }
          assertThat(all).isEqualTo(expected);
          List<Long> second = new ArrayList<>();
          sequence.getSplit(parts - 1, parts).forEachRemaining(second::add);
          assertThat(second).isEqualTo(toList(sequence.split(parts)[parts - 1]));
        });
  }

  private static List<Long> toList(Iterator<Long> iterator) {
    List<Long> out = new ArrayList<>();
    iterator.forEachRemaining(out::add);
    return out;
  }

  @Test
  void aSequenceIteratesAndSaysWhereItIs() {
    NumberSequenceIterator sequence = new NumberSequenceIterator(3, 5);
    assertThat(sequence.getCurrent()).isEqualTo(3);
    assertThat(sequence.getTo()).isEqualTo(5);
    assertThat(sequence.getMaximumNumberOfSplits()).isEqualTo(3);
    assertThat(toList(sequence)).containsExactly(3L, 4L, 5L);
    assertThat(sequence.hasNext()).isFalse();
    assertThatThrownBy(sequence::next).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(sequence::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new NumberSequenceIterator(5, 3)).hasMessageContaining("must not be smaller");
    assertThatThrownBy(() -> sequence.getSplit(2, 2)).hasMessageContaining("does not exist");
    NumberSequenceIterator huge = new NumberSequenceIterator(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(huge.getMaximumNumberOfSplits()).isEqualTo(Integer.MAX_VALUE);
    assertThat(huge.split(2)[1].getCurrent()).isEqualTo(0L);
  }

  @Test
  void xorShiftRandomRepeatsItsSequenceForASeed() {
    XORShiftRandom a = new XORShiftRandom(7);
    XORShiftRandom b = new XORShiftRandom(7);
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int x = a.nextInt(1000);
      first.add(x);
      assertThat(b.nextInt(1000)).isEqualTo(x);
    }
    assertThat(first.stream().distinct().count()).isGreaterThan(30);
    a.setSeed(7);
    assertThat(a.nextInt(1000)).isEqualTo(first.get(0));
    assertThat(new XORShiftRandom(8).nextLong()).isNotEqualTo(new XORShiftRandom(7).nextLong());
    assertThat(new XORShiftRandom().next(8)).isBetween(0, 255);
  }

  @Test
  void iterableHelpers() throws Exception {
    Iterable<String> letters = () -> List.of("a", "b").iterator();
    assertThat(IterableUtils.toStream(letters).collect(Collectors.joining())).isEqualTo("ab");
    assertThat(IterableUtils.toStream(List.of(1, 2)).count()).isEqualTo(2);
    assertThat(IterableUtils.flatMap(List.of(List.of(1, 2), List.of(3)), x -> x * 10)).containsExactly(10, 20, 30);
    try (CloseableIterable<String> empty = CloseableIterable.empty()) {
      assertThat(empty).isEmpty();
    }
  }
}
