package io.spate.api.accumulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.serialization.StringSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The laws of accumulators: adding values to several accumulators and merging them gives what adding
 * them all to one gives, whatever the split; a clone is independent; reset starts over; and an
 * accumulator survives the Java serialization it travels with.
 */
class AccumulatorsTest {

  @Test
  void mergingPartsEqualsAddingEverythingToOne() {
    qt().forAll(lists().of(integers().between(-1_000_000, 1_000_000)).ofSizeBetween(0, 60), integers().between(0, 60))
        .checkAssert((values, cut) -> {
          int split = Math.min(cut, values.size());
          assertMergeLaw(IntCounter::new, values, split, Integer::intValue);
          assertMergeLaw(LongCounter::new, values, split, Integer::longValue);
          assertMergeLaw(DoubleCounter::new, values, split, Integer::doubleValue);
          assertMergeLaw(IntMaximum::new, values, split, Integer::intValue);
          assertMergeLaw(IntMinimum::new, values, split, Integer::intValue);
          assertMergeLaw(LongMaximum::new, values, split, Integer::longValue);
          assertMergeLaw(LongMinimum::new, values, split, Integer::longValue);
          assertMergeLaw(DoubleMaximum::new, values, split, Integer::doubleValue);
          assertMergeLaw(DoubleMinimum::new, values, split, Integer::doubleValue);
          assertMergeLaw(AverageAccumulator::new, values, split, Integer::doubleValue);
          assertMergeLaw(Histogram::new, values, split, v -> v % 7);
          assertMergeLaw(ListAccumulator::new, values, split, v -> v);
        });
  }

  private static <V, R extends Serializable> void assertMergeLaw(
      Supplier<? extends Accumulator<V, R>> create, List<Integer> values, int split,
      java.util.function.Function<Integer, V> toValue) {
    Accumulator<V, R> whole = create.get();
    Accumulator<V, R> first = create.get();
    Accumulator<V, R> second = create.get();
    for (int i = 0; i < values.size(); i++) {
      V value = toValue.apply(values.get(i));
      whole.add(value);
      (i < split ? first : second).add(value);
    }
    first.merge(second);
    assertThat(first.getLocalValue()).as(whole.getClass().getSimpleName() + " of %s split at %d", values, split)
        .isEqualTo(whole.getLocalValue());
  }

  @Test
  void valuesAreWhatFlinksAccumulatorsGive() {
    IntCounter counter = new IntCounter(5);
    counter.add(3);
    counter.add(Integer.valueOf(2));
    assertThat(counter.getLocalValue()).isEqualTo(10);
    assertThat(counter.getLocalValuePrimitive()).isEqualTo(10);
    assertThat(counter).hasToString("IntCounter 10");

    assertThat(new IntMaximum().getLocalValue()).isEqualTo(Integer.MIN_VALUE);
    assertThat(new IntMinimum().getLocalValue()).isEqualTo(Integer.MAX_VALUE);
    assertThat(new LongMaximum().getLocalValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(new LongMinimum().getLocalValue()).isEqualTo(Long.MAX_VALUE);
    assertThat(new DoubleMaximum().getLocalValue()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(new DoubleMinimum().getLocalValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(new DoubleMaximum(2.5).getLocalValuePrimitive()).isEqualTo(2.5);
    assertThat(new LongCounter(7).getLocalValuePrimitive()).isEqualTo(7L);
    assertThat(new DoubleCounter(1.5).getLocalValuePrimitive()).isEqualTo(1.5);
    assertThat(new IntMaximum(4).getLocalValuePrimitive()).isEqualTo(4);
    assertThat(new IntMinimum(4).getLocalValuePrimitive()).isEqualTo(4);
    assertThat(new LongMaximum(4).getLocalValuePrimitive()).isEqualTo(4L);
    assertThat(new LongMinimum(4).getLocalValuePrimitive()).isEqualTo(4L);
    assertThat(new DoubleMinimum(4).getLocalValuePrimitive()).isEqualTo(4.0);

    AverageAccumulator average = new AverageAccumulator();
    assertThat(average.getLocalValue()).as("no values yet").isEqualTo(0.0);
    average.add(1);
    average.add(2L);
    average.add(6.0);
    average.add(Double.valueOf(3));
    assertThat(average.getLocalValue()).isEqualTo(3.0);

    Histogram histogram = new Histogram();
    histogram.add(3);
    histogram.add(1);
    histogram.add(3);
    TreeMap<Integer, Integer> expected = new TreeMap<>();
    expected.put(1, 1);
    expected.put(3, 2);
    assertThat(histogram.getLocalValue()).isEqualTo(expected);
    assertThatThrownBy(() -> histogram.add(null)).hasMessageContaining("must not be null");
  }

  @Test
  void resetStartsOverAndCloneIsIndependent() {
    List<Accumulator<Integer, ?>> all = List.of(new IntCounter(3), new IntMaximum(3), new IntMinimum(3),
        new ListAccumulator<>(), new Histogram());
    for (Accumulator<Integer, ?> accumulator : all) {
      accumulator.add(9);
      Object before = copyOf(accumulator.getLocalValue());
      Accumulator<Integer, ?> clone = accumulator.clone();
      clone.add(11);
      assertThat(accumulator.getLocalValue()).as("the original of a changed clone").isEqualTo(before);
      accumulator.resetLocal();
      clone.resetLocal();
      Accumulator<Integer, ?> fresh = freshOf(accumulator);
      assertThat(accumulator.getLocalValue()).as("reset " + accumulator.getClass().getSimpleName())
          .isEqualTo(fresh.getLocalValue());
    }
    AverageAccumulator average = new AverageAccumulator();
    average.add(4);
    AverageAccumulator averageClone = average.clone();
    averageClone.add(8);
    assertThat(average.getLocalValue()).isEqualTo(4.0);
    assertThat(averageClone.getLocalValue()).isEqualTo(6.0);
    average.resetLocal();
    assertThat(average.getLocalValue()).isEqualTo(0.0);
  }

  private static Object copyOf(Object value) {
    if (value instanceof ArrayList<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof TreeMap<?, ?> map) {
      return new TreeMap<>(map);
    }
    return value;
  }

  private static Accumulator<Integer, ?> freshOf(Accumulator<Integer, ?> accumulator) {
    if (accumulator instanceof IntCounter) {
      return new IntCounter();
    }
    if (accumulator instanceof IntMaximum) {
      return new IntMaximum();
    }
    if (accumulator instanceof IntMinimum) {
      return new IntMinimum();
    }
    return accumulator instanceof Histogram ? new Histogram() : new ListAccumulator<>();
  }

  @Test
  void averageMergesOnlyAverages() {
    AverageAccumulator average = new AverageAccumulator();
    assertThatThrownBy(() -> average.merge(new DoubleCounter(2.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DoubleCounter");
  }

  @Test
  void javaSerializationRoundTripKeepsTheLocalValue() {
    qt().forAll(lists().of(integers().between(-1000, 1000)).ofSizeBetween(0, 30)).checkAssert(values -> {
      List<Accumulator<Integer, ?>> all = List.of(new IntCounter(), new IntMaximum(), new IntMinimum(),
          new ListAccumulator<>(), new Histogram());
      for (Accumulator<Integer, ?> accumulator : all) {
        values.forEach(accumulator::add);
        assertThat(roundTrip(accumulator).getLocalValue()).isEqualTo(accumulator.getLocalValue());
      }
      AverageAccumulator average = new AverageAccumulator();
      values.forEach(average::add);
      AverageAccumulator copy = roundTrip(average);
      copy.add(5);
      average.add(5);
      assertThat(copy.getLocalValue()).as("count and sum both travel").isEqualTo(average.getLocalValue());
    });
  }

  @SuppressWarnings("unchecked")
  private static <A> A roundTrip(A value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (A) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void serializedListRoundTripsThroughItsSerializer() {
    qt().forAll(lists().of(integers().between(0, 1000)).ofSizeBetween(0, 20)).checkAssert(numbers -> {
      List<String> values = numbers.stream().map(n -> "v" + n).toList();
      SerializedListAccumulator<String> first = new SerializedListAccumulator<>();
      SerializedListAccumulator<String> second = new SerializedListAccumulator<>();
      try {
        for (int i = 0; i < values.size(); i++) {
          (i % 2 == 0 ? first : second).add(values.get(i), StringSerializer.INSTANCE);
        }
        first.merge(second.clone());
        List<String> read = SerializedListAccumulator.deserializeList(first.getLocalValue(), StringSerializer.INSTANCE);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < values.size(); i += 2) {
          expected.add(values.get(i));
        }
        for (int i = 1; i < values.size(); i += 2) {
          expected.add(values.get(i));
        }
        assertThat(read).isEqualTo(expected);
      } catch (IOException | ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void serializedListRefusesValuesWithoutTheirSerializer() {
    SerializedListAccumulator<String> list = new SerializedListAccumulator<>();
    assertThatThrownBy(() -> list.add("x"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("add(value, serializer)");
    ArrayList<byte[]> garbage = new ArrayList<>();
    garbage.add(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    assertThatThrownBy(() -> SerializedListAccumulator.deserializeList(garbage, StringSerializer.INSTANCE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Entry 0 of 1");
  }
}
