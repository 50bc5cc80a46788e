package io.spate.table.runtime.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.BooleanType;
import io.spate.table.types.logical.DateType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.DoubleType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The keys {@link SqlKeySelector} makes behave as the rows of the key fields that keyed the state before:
 * the same rows have equal keys, equal keys land in the same key group, the serializers round-trip
 * them and write equal keys as equal bytes, and {@link KeyFields} reads back the fields.
 */
class SqlKeyPropertyTest {

  /** The SQL types keys are made of in these tests, with a small domain of values each so that keys often repeat. */
  private static final List<LogicalType> TYPES = List.of(new BigIntType(), new IntType(), new VarCharType(),
      new DecimalType(10, 2), new TimestampType(3), new DateType(), new BooleanType(), new DoubleType(),
      RowType.of(new IntType(), new VarCharType()), new VarBinaryType(), new ArrayType(new IntType()));

  private static final int MAX_PARALLELISM = 128;

  @Test
  void keysAreEqualExactlyWhenTheRowsOfTheirFieldsAreAndThenShareTheirHashAndKeyGroup() {
    qt().withFixedSeed(20261128L).withExamples(400).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          Random random = new Random(seed);
          List<LogicalType> types = randomTypes(random);
          int[] fields = keyFieldsOf(types.size(), random);
          List<LogicalType> keyTypes = Arrays.stream(fields).mapToObj(types::get).toList();
          SqlKeySelector selector = SqlKeySelector.of(fields, keyTypes);
          SqlKeyTypeInfo keyType = SqlKeyTypeInfo.of(keyTypes);
          KeyProjection rowKeys = new KeyProjection(fields);
          RowTypeInfo rowKeyType = TypeInfos.ofRow(rowType(keyTypes));
          List<Row> rows = new ArrayList<>();
          for (int i = 0; i < 12; i++) {
            rows.add(randomRow(types, random));
          }
          for (Row a : rows) {
            for (Row b : rows) {
              Object keyA = selector.getKey(a);
              Object keyB = selector.getKey(b);
              boolean rowsEqual = rowKeys.getKey(a).equals(rowKeys.getKey(b));
              assertThat(keyA.equals(keyB)).as("%s = %s (rows %s, %s)", keyA, keyB, a, b).isEqualTo(rowsEqual);
              if (rowsEqual) {
                assertThat(keyA.hashCode()).isEqualTo(keyB.hashCode());
                assertThat(keyGroup(keyType, keyA)).isEqualTo(keyGroup(keyType, keyB));
              }
            }
            if (keyTypes.stream().allMatch(SqlKeyPropertyTest::atomic)) {
              // Keys of numbers, strings, times and the like hash as the key rows did, so their key groups stay.
              assertThat(keyType.keyHash(selector.getKey(a))).isEqualTo(rowKeyType.keyHash(rowKeys.getKey(a)));
            }
          }
        });
  }

  @Test
  void theSerializerRoundTripsKeysAndWritesEqualKeysAsEqualBytes() {
    qt().withFixedSeed(20261129L).withExamples(300).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          Random random = new Random(seed);
          List<LogicalType> types = randomTypes(random);
          int[] fields = keyFieldsOf(types.size(), random);
          List<LogicalType> keyTypes = Arrays.stream(fields).mapToObj(types::get).toList();
          SqlKeySelector selector = SqlKeySelector.of(fields, keyTypes);
          TypeSerializer<Object> serializer = SqlKeyTypeInfo.of(keyTypes).createSerializer();
          List<Object> keys = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            keys.add(selector.getKey(randomRow(types, random)));
          }
          for (Object key : keys) {
            Object restored = deserialize(serializer, serialize(serializer, key));
            assertThat(restored).isEqualTo(key);
            assertThat(restored.hashCode()).isEqualTo(key.hashCode());
            assertThat(deserialize(serializer.duplicate(), serialize(serializer, serializer.copy(key)))).isEqualTo(key);
            for (Object other : keys) {
              if (key.equals(other)) {
                assertThat(serialize(serializer, key)).isEqualTo(serialize(serializer, other));
              }
            }
          }
        });
  }

  @Test
  void keyFieldsReadsBackTheFieldsOfTheRow() {
    qt().withFixedSeed(20261130L).withExamples(300).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          Random random = new Random(seed);
          List<LogicalType> types = randomTypes(random);
          int[] fields = keyFieldsOf(types.size(), random);
          SqlKeySelector selector = SqlKeySelector.of(fields, Arrays.stream(fields).mapToObj(types::get).toList());
          Row row = randomRow(types, random);
          Object key = selector.getKey(row);
          assertThat(KeyFields.arity(key)).isEqualTo(fields.length);
          for (int i = 0; i < fields.length; i++) {
            assertThat(KeyFields.get(key, i)).isSameAs(row.getField(fields[i]));
          }
          Object composite = SqlKeySelector.composite(fields).getKey(row);
          for (int i = 0; i < fields.length; i++) {
            assertThat(KeyFields.get(composite, i)).isSameAs(row.getField(fields[i]));
          }
        });
  }

  @Test
  void aOneFieldKeyOfAValueIsTheValueAndANullOneIsNullKey() {
    SqlKeySelector selector = SqlKeySelector.of(new int[] {1}, List.of(new BigIntType()));
    assertThat(selector.getKey(Row.of("a", 7L))).isEqualTo(7L);
    assertThat(selector.getKey(Row.of("a", null))).isSameAs(NullKey.INSTANCE);
    assertThat(KeyFields.get(NullKey.INSTANCE, 0)).isNull();
    SqlKeySelector bytes = SqlKeySelector.of(new int[] {0}, List.of(new VarBinaryType()));
    assertThat(bytes.getKey(Row.of(new byte[] {1, 2}))).isEqualTo(bytes.getKey(Row.of(new byte[] {1, 2})))
        .isInstanceOf(CompositeKey.class);
  }

  @Test
  void aCorruptNullMarkerIsReportedAsSuch() {
    TypeSerializer<Object> serializer = SqlKeyTypeInfo.of(List.of(new BigIntType())).createSerializer();
    assertThatThrownBy(() -> deserialize(serializer, new byte[] {5}))
        .hasCauseInstanceOf(IOException.class).hasMessageContaining("Corrupt key: the null marker is 5");
  }

  private static boolean atomic(LogicalType type) {
    return !(type instanceof RowType || type instanceof ArrayType || type instanceof VarBinaryType);
  }

  private static int keyGroup(SqlKeyTypeInfo type, Object key) {
    return KeyGroupAssignment.keyGroupForHash(type.keyHash(key), MAX_PARALLELISM);
  }

  private static List<LogicalType> randomTypes(Random random) {
    List<LogicalType> types = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      types.add(TYPES.get(random.nextInt(TYPES.size())));
    }
    return types;
  }

  /** Up to three distinct fields of rows of {@code arity} fields, none for one case in ten. */
  private static int[] keyFieldsOf(int arity, Random random) {
    if (random.nextInt(10) == 0) {
      return new int[0];
    }
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < arity; i++) {
      all.add(i);
    }
    Collections.shuffle(all, random);
    return all.subList(0, 1 + random.nextInt(Math.min(3, arity))).stream().mapToInt(Integer::intValue).toArray();
  }

  private static RowType rowType(List<LogicalType> types) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(new RowType.RowField("f" + i, types.get(i)));
    }
    return new RowType(false, fields);
  }

  private static Row randomRow(List<LogicalType> types, Random random) {
    Row row = new Row(types.size());
    for (int i = 0; i < types.size(); i++) {
      row.setField(i, random.nextInt(6) == 0 ? null : randomValue(types.get(i), random));
    }
    return row;
  }

  /** A value from a small domain; equal values are distinct instances, so that equality, not identity, counts. */
  private static Object randomValue(LogicalType type, Random random) {
    int n = random.nextInt(3);
    return switch (type.getTypeRoot()) {
      case BIGINT -> Long.valueOf(1000L + n);
      case INTEGER -> Integer.valueOf(n - 1);
      case VARCHAR -> new String(new char[] {'k', (char) ('a' + n)});
      // 1.00 and 1.0 are different decimals to a row, and so to a key.
      case DECIMAL -> n == 2 ? new BigDecimal("1.0") : new BigDecimal(n + ".00");
      case TIMESTAMP_WITHOUT_TIME_ZONE -> LocalDateTime.of(2026, 11, 28, 10, n, 0, 5_000_000);
      case DATE -> LocalDate.of(2026, 1, 1 + n);
      case BOOLEAN -> n == 1;
      // 0.0 and -0.0 differ by Double.equals, as NaN equals itself.
      case DOUBLE -> n == 0 ? 0.0 : n == 1 ? -0.0 : Double.NaN;
      case ROW -> Row.of(n % 2, n == 0 ? null : new String(new char[] {'r', (char) ('0' + n)}));
      case VARBINARY -> new byte[] {1, (byte) n};
      case ARRAY -> new Integer[] {n, n == 1 ? null : 7};
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  private static byte[] serialize(TypeSerializer<Object> serializer, Object key) {
    DataOutputSerializer out = new DataOutputSerializer(32);
    try {
      serializer.serialize(key, out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.getCopyOfBuffer();
  }

  private static Object deserialize(TypeSerializer<Object> serializer, byte[] bytes) {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    Object key;
    try {
      key = serializer.deserialize(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(in.available()).as("bytes left after the key").isZero();
    return key;
  }
}
