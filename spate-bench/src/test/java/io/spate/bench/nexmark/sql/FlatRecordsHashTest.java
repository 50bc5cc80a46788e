package io.spate.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.bench.nexmark.CanonicalHash;
import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.NexmarkQuery;
import io.spate.bench.nexmark.Q1;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The hash of a SQL row's columns ({@link FlatRecords#hash}) is {@link CanonicalHash#of} of the
 * record the row stands for, whichever of the SQL types a value arrives as, so that a SQL run's
 * summary still compares with the DataStream run's.
 */
class FlatRecordsHashTest {

  /** A record and a SQL row of it: its leaf values in order, each as one of the SQL values that convert to it. */
  record Example(Object record, List<Object> row) {
    @Override
    public String toString() {
      return record + " as " + describe(row);
    }
  }

  /** One component's value and a SQL value that stands for it. */
  private record Leaf(Object component, Object sql) {}

  static Stream<String> queries() {
    return NexmarkQueries.all().stream().map(NexmarkQuery::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void theRowsHashIsTheHashOfItsRecord(String query) {
    Class<?> type = NexmarkSqlQueries.recordType(query);
    FlatRecords<?> records = FlatRecords.of(type);
    qt().withExamples(500).forAll(examples(type)).checkAssert(example -> {
      long expected = CanonicalHash.of(example.record());
      assertThat(example.row()).hasSize(records.columns());
      assertThat(records.hash(example.row(), List::get)).as("%s", example).isEqualTo(expected);
      assertThat(CanonicalHash.of(records.build(example.row()::get))).as("%s", example).isEqualTo(expected);
    });
  }

  @Test
  void rowsThatShareOneTimestampObjectHashAsTheirValues() {
    FlatRecords<Q1.Row> records = FlatRecords.of(Q1.Row.class);
    LocalDateTime shared = LocalDateTime.of(2026, 11, 29, 7, 30, 1, 2_000_000);
    LocalDateTime next = shared.plusNanos(1_000_000);
    long millis = shared.toInstant(ZoneOffset.UTC).toEpochMilli();
    for (Object[] values : new Object[][] {{1L, shared, millis}, {2L, shared, millis}, {3L, next, millis + 1},
        {4L, shared, millis}}) {
      List<Object> row = Arrays.asList(values[0], 7L, 1.5, values[1], "x");
      assertThat(records.hash(row, List::get))
          .isEqualTo(CanonicalHash.of(new Q1.Row((Long) values[0], 7L, 1.5, (Long) values[2], "x")));
    }
  }

  @Test
  void aValueThatDoesNotFitFailsAsBuildingTheRecordFails() {
    FlatRecords<Q1.Row> records = FlatRecords.of(Q1.Row.class);
    List<Object> nullBidder = Arrays.asList(1L, null, 3.5, 4L, "e");
    List<Object> textPrice = Arrays.asList(1L, 2L, "3.5", 4L, "e");
    List<Object> fractionalTime = Arrays.asList(1L, 2L, 3.5, new BigDecimal("4.5"), "e");

    assertThatThrownBy(() -> records.hash(nullBidder, List::get)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Column 1 (Row.bidder, a long) cannot take NULL");
    assertThatThrownBy(() -> records.build(nullBidder::get)).hasMessage("Column 1 (Row.bidder, a long) cannot take NULL");
    assertThatThrownBy(() -> records.hash(textPrice, List::get))
        .hasMessage("Column 2 (Row.price, a double) cannot take 3.5 of String");
    assertThatThrownBy(() -> records.hash(fractionalTime, List::get)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> records.build(fractionalTime::get)).isInstanceOf(ArithmeticException.class);
  }

  /** Random records of {@code type} (built through their canonical constructors) with random SQL rows of them. */
  static Gen<Example> examples(Class<?> type) {
    Gen<List<Leaf>> leaves = leaves(type);
    return leaves.map(list -> {
      List<Object> row = new ArrayList<>();
      list.forEach(leaf -> row.add(leaf.sql()));
      return new Example(assemble(type, list.iterator()), row);
    });
  }

  /** The leaves of a record of {@code type}, nested records' leaves in place. */
  private static Gen<List<Leaf>> leaves(Class<?> type) {
    List<Gen<List<Leaf>>> parts = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Class<?> kind = component.getType();
      parts.add(kind.isRecord() ? leaves(kind) : leaf(kind).map(leaf -> List.of(leaf)));
    }
    return in -> {
      List<Leaf> all = new ArrayList<>();
      for (Gen<List<Leaf>> part : parts) {
        all.addAll(part.generate(in));
      }
      return all;
    };
  }

  private static Object assemble(Class<?> type, Iterator<Leaf> leaves) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = types[i].isRecord() ? assemble(types[i], leaves) : leaves.next().component();
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Cannot construct " + type, e);
    }
  }

  private static Gen<Leaf> leaf(Class<?> kind) {
    if (kind == long.class) {
      return longs().flatMap(FlatRecordsHashTest::asSqlLong);
    }
    if (kind == int.class) {
      return ints().flatMap(v -> Generate.pick(List.of(new Leaf(v, v), new Leaf(v, (long) v))));
    }
    if (kind == double.class) {
      return doubles().flatMap(FlatRecordsHashTest::asSqlDouble);
    }
    if (kind == String.class) {
      Gen<String> text = SourceDSL.strings().allPossible().ofLengthBetween(0, 40);
      Gen<String> nulls = Generate.constant((String) null);
      return Generate.frequency(List.of(Pair.of(4, text), Pair.of(1, nulls))).map(s -> new Leaf(s, s));
    }
    throw new IllegalArgumentException("No SQL value for a component of type " + kind);
  }

  /** {@code v} as BIGINT, INT when it fits, TIMESTAMP(3) (as a LocalDateTime at UTC or an Instant) and DECIMAL. */
  private static Gen<Leaf> asSqlLong(long v) {
    List<Object> sql = new ArrayList<>(List.of(v, LocalDateTime.ofInstant(Instant.ofEpochMilli(v), ZoneOffset.UTC),
        Instant.ofEpochMilli(v), BigDecimal.valueOf(v), BigDecimal.valueOf(v).setScale(2)));
    if (v == (int) v) {
      sql.add((int) v);
    }
    return Generate.pick(sql).map(value -> new Leaf(v, value));
  }

  /** {@code v} as DOUBLE and, where they hold it exactly, as DECIMAL, BIGINT and FLOAT. */
  private static Gen<Leaf> asSqlDouble(double v) {
    List<Object> sql = new ArrayList<>(List.of(v));
    if (Double.isFinite(v)) {
      sql.add(new BigDecimal(v));
      sql.add(BigDecimal.valueOf(v));
      if (v == Math.rint(v) && Math.abs(v) <= 0x1p53) {
        sql.add((long) v);
      }
      if ((float) v == v) {
        sql.add((float) v);
      }
    }
    return Generate.pick(sql).map(value -> new Leaf(v, value));
  }

  private static Gen<Long> longs() {
    Gen<Long> edges = Generate.pick(List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, Long.MAX_VALUE));
    return Generate.frequency(List.of(Pair.of(6, SourceDSL.longs().all()),
        Pair.of(2, SourceDSL.longs().between(-100_000_000_000L, 4_000_000_000_000L)),
        Pair.of(1, SourceDSL.longs().between(-1000, 1000)), Pair.of(1, edges)));
  }

  private static Gen<Integer> ints() {
    Gen<Integer> edges = Generate.pick(List.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE));
    return Generate.frequency(List.of(Pair.of(8, SourceDSL.integers().all()), Pair.of(1, edges)));
  }

  /** Hundredths, halves, any bits (NaN and infinities among them), and the zeros of both signs. */
  private static Gen<Double> doubles() {
    Gen<Double> edges = Generate.pick(List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0x1p53 + 2));
    return Generate.frequency(List.of(Pair.of(3, longs().map(unscaled -> unscaled / 100.0)),
        Pair.of(2, SourceDSL.integers().all().map(i -> i / 2.0)),
        Pair.of(2, longs().map(Double::longBitsToDouble)), Pair.of(1, edges)));
  }

  private static String describe(List<Object> row) {
    List<String> values = new ArrayList<>();
    for (Object value : row) {
      values.add(value == null ? "NULL" : value + " (" + value.getClass().getSimpleName() + ")");
    }
    return values.toString();
  }
}
