package io.spate.api.serialization;

import static io.spate.api.serialization.BasicValueGenerators.arrays;
import static io.spate.api.serialization.BasicValueGenerators.doubles;
import static io.spate.api.serialization.BasicValueGenerators.intArrays;
import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.longs;
import static io.spate.api.serialization.BasicValueGenerators.maps;
import static io.spate.api.serialization.BasicValueGenerators.nullable;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static io.spate.api.serialization.SerializationTesting.javaSerialized;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static io.spate.api.serialization.SnapshotTesting.deserializeAll;
import static io.spate.api.serialization.SnapshotTesting.snapshotRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random rows (every kind, null fields, arrays, lists, maps and nested rows) through the serializer
 * {@link RowTypeInfo} creates: round trips, deep copies, name-based rows, and snapshots that restore
 * a serializer reading the old bytes.
 */
class RowSerializerProperties {

  /** A field's type and a value of it (maybe null). */
  record Field(TypeInformation<?> type, Object value) {}

  /** A row type and a row of it. */
  record Sample(RowTypeInfo type, Row row) {
    @Override
    public String toString() {
      return type + " " + row;
    }
  }

  private static final int KINDS = 8;

  @SuppressWarnings("unchecked")
  private static Gen<Field> field(int depth) {
    int lastKind = depth > 0 ? KINDS : KINDS - 1;
    return Generate.range(0, lastKind).flatMap(kind -> switch (kind) {
      case 0 -> strings(0, 12).map(v -> new Field(Types.STRING, v));
      case 1 -> ints().map(v -> new Field(Types.INT, v));
      case 2 -> longs().map(v -> new Field(Types.LONG, v));
      case 3 -> doubles().map(v -> new Field(Types.DOUBLE, v));
      case 4 -> intArrays(0, 6).map(v -> new Field(Types.PRIMITIVE_ARRAY(Types.INT), v));
      case 5 -> arrays(nullable(strings(0, 5), 20), String.class, 0, 5).map(v -> new Field(Types.OBJECT_ARRAY(Types.STRING), v));
      case 6 -> lists(nullable(ints(), 20), 0, 5).map(v -> new Field(Types.LIST(Types.INT), v));
      case 7 -> maps(strings(0, 4), longs(), 4).map(v -> new Field(Types.MAP(Types.STRING, Types.LONG), v));
      default -> rows(depth - 1, 0, 4).map(s -> new Field(s.type(), s.row()));
    });
  }

  private static Gen<Field> nullableField(int depth) {
    return field(depth).zip(Generate.range(0, 4), (f, dice) -> dice == 0 ? new Field(f.type(), null) : f);
  }

  static Gen<Sample> rows(int depth, int minArity, int maxArity) {
    Gen<RowKind> kinds = Generate.pick(List.of(RowKind.values()));
    return lists(nullableField(depth), minArity, maxArity).zip(kinds, (fields, kind) -> {
      TypeInformation<?>[] types = new TypeInformation<?>[fields.size()];
      Object[] values = new Object[fields.size()];
      String[] names = new String[fields.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = fields.get(i).type();
        values[i] = fields.get(i).value();
        names[i] = "c" + i;
      }
      return new Sample(new RowTypeInfo(types, names), Row.ofKind(kind, values));
    });
  }

  static Gen<Sample> samples() {
    return rows(2, 0, 12);
  }

  @Test
  void rowsRoundTripToEqualRowsOfTheSameKindWithTheTypesNamedPositions() {
    qt().withExamples(150).forAll(samples()).checkAssert(sample -> {
      TypeSerializer<Row> serializer = sample.type().createSerializer();
      Row result = roundTrip(serializer, sample.row());
      assertThat(result).isEqualTo(sample.row()).hasSameHashCodeAs(sample.row());
      assertThat(result.getKind()).isEqualTo(sample.row().getKind());
      assertThat(result.getFieldNames(true)).containsExactlyElementsOf(sample.type().getFieldNames());
      for (int i = 0; i < result.getArity(); i++) {
        assertThat(result.getField("c" + i)).isSameAs(result.getField(i));
      }
    });
  }

  @Test
  void aRowIsWrittenAsItsKindANullMaskAndItsNonNullFields() {
    qt().withExamples(200).forAll(samples()).checkAssert(sample -> {
      Row row = sample.row();
      byte[] bytes = bytesOf(sample.type().createSerializer(), row);
      int maskBytes = (row.getArity() + 7) / 8;
      int fieldBytes = 0;
      for (int i = 0; i < row.getArity(); i++) {
        if (row.getField(i) != null) {
          fieldBytes += bytesOf(sample.type().getFieldType(i).createSerializer(), cast(row.getField(i))).length;
        }
      }
      assertThat(bytes).hasSize(1 + maskBytes + fieldBytes);
      assertThat(bytes[0]).isEqualTo(row.getKind().toByteValue());
      for (int i = 0; i < row.getArity(); i++) {
        boolean nullBit = (bytes[1 + i / 8] & (1 << (i % 8))) != 0;
        assertThat(nullBit).as("null bit of field %s", i).isEqualTo(row.getField(i) == null);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  @Test
  void copiesAreEqualAndDeepDownToNestedRowsArraysListsAndMaps() {
    qt().withExamples(300).forAll(samples()).checkAssert(sample -> {
      Row row = sample.row();
      Row copy = sample.type().createSerializer().copy(row);
      assertThat(copy).isEqualTo(row).isNotSameAs(row);
      assertThat(copy.getKind()).isEqualTo(row.getKind());
      for (int i = 0; i < row.getArity(); i++) {
        Object field = row.getField(i);
        if (field instanceof Row || field instanceof List<?> || field instanceof Map<?, ?>
            || (field != null && field.getClass().isArray())) {
          assertThat(copy.getField(i)).as("field %s", i).isNotSameAs(field);
        }
      }
      if (row.getArity() > 0) {
        Object first = row.getField(0);
        copy.setField(0, "changed in the copy");
        assertThat(row.getField(0)).isSameAs(first);
      }
    });
  }

  @Test
  void wideRowsWithMoreThanSixtyFourFieldsRoundTripWithTheirNullMask() {
    Gen<Integer> arities = Generate.range(60, 140);
    qt().withExamples(25).forAll(arities, Generate.longRange(0, Long.MAX_VALUE)).checkAssert((arity, seed) -> {
      Random random = new Random(seed);
      TypeInformation<?>[] types = new TypeInformation<?>[arity];
      Object[] values = new Object[arity];
      for (int i = 0; i < arity; i++) {
        types[i] = i % 2 == 0 ? Types.INT : Types.STRING;
        values[i] = random.nextInt(3) == 0 ? null : (i % 2 == 0 ? (Object) random.nextInt() : "s" + random.nextInt(100));
      }
      Row row = Row.ofKind(RowKind.values()[random.nextInt(4)], values);
      TypeSerializer<Row> serializer = Types.ROW(types).createSerializer();
      assertThat(roundTrip(serializer, row)).isEqualTo(row);
      assertThat(bytesOf(serializer, row)[1 + (arity - 1) / 8] & 0xFF)
          .as("the last mask byte").isLessThan(1 << (1 + (arity - 1) % 8));
    });
  }

  @Test
  void aNameBasedRowIsWrittenByItsNamesWithMissingFieldsNullAndCopiedAsNameBased() {
    qt().withExamples(200).forAll(samples(), Generate.longRange(0, Long.MAX_VALUE)).checkAssert((sample, seed) -> {
      Random random = new Random(seed);
      Row named = Row.withNames(sample.row().getKind());
      Row expected = Row.withPositions(sample.row().getKind(), sample.row().getArity());
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < sample.row().getArity(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      for (int i : order) {
        if (random.nextInt(4) > 0) {
          named.setField("c" + i, sample.row().getField(i));
          expected.setField(i, sample.row().getField(i));
        }
      }
      TypeSerializer<Row> serializer = sample.type().createSerializer();
      assertThat(roundTrip(serializer, named)).isEqualTo(expected);
      Row copy = serializer.copy(named);
      assertThat(copy).isEqualTo(named);
      assertThat(copy.getFieldNames(false)).containsExactlyElementsOf(named.getFieldNames(false));
    });
  }

  @Test
  void theSameFieldsInEveryModeAreEqualWithEqualHashCodesAndKeyHashes() {
    qt().withExamples(200).forAll(samples()).checkAssert(sample -> {
      Row positional = sample.row();
      Row withNamedPositions = sample.type().createSerializer().copy(positional);
      Row named = Row.withNames(positional.getKind());
      for (int i = positional.getArity() - 1; i >= 0; i--) {
        named.setField("c" + i, positional.getField(i));
      }
      assertThat(withNamedPositions).isEqualTo(positional).hasSameHashCodeAs(positional);
      assertThat(positional).isEqualTo(withNamedPositions);
      assertThat(withNamedPositions).isEqualTo(named).hasSameHashCodeAs(named);
      assertThat(named).isEqualTo(withNamedPositions);
      if (sample.type().isKeyType()) {
        assertThat(sample.type().keyHash(named)).isEqualTo(sample.type().keyHash(positional));
        assertThat(sample.type().keyHash(withNamedPositions)).isEqualTo(sample.type().keyHash(positional));
      }
    });
  }

  @Test
  void aShippedSerializerIsEqualAndWritesTheSameBytes() {
    qt().withExamples(60).forAll(samples()).checkAssert(sample -> {
      TypeSerializer<Row> serializer = sample.type().createSerializer();
      TypeSerializer<Row> shipped = javaSerialized(serializer);
      assertThat(shipped).isEqualTo(serializer).hasSameHashCodeAs(serializer);
      assertThat(bytesOf(shipped, sample.row())).isEqualTo(bytesOf(serializer, sample.row()));
      assertThat(serializer.duplicate()).isEqualTo(serializer);
    });
  }

  @Test
  void aRestoredSnapshotReadsTheOldBytesAndTheSameTypeIsCompatibleAsIs() {
    qt().withExamples(120).forAll(samples()).checkAssert(sample -> {
      TypeSerializer<Row> serializer = sample.type().createSerializer();
      TypeSerializerSnapshot<Row> snapshot = snapshotRoundTrip(serializer);
      byte[] bytes = bytesOf(serializer, sample.row());
      Row restored = deserializeAll(snapshot.restoreSerializer(), bytes);
      assertThat(restored).isEqualTo(sample.row());
      assertThat(restored.getFieldNames(true)).containsExactlyElementsOf(sample.type().getFieldNames());
      TypeSerializerSchemaCompatibility<Row> compatibility = snapshot.resolveSchemaCompatibility(sample.type().createSerializer());
      assertThat(compatibility.isCompatibleAsIs()).as("%s", compatibility).isTrue();
    });
  }

  @Test
  void renamedFieldsReadAsBeforeButAnotherArityOrFieldTypeIsIncompatible() {
    TypeSerializer<Row> original = Types.ROW_NAMED(new String[] {"user", "amount"}, Types.STRING, Types.LONG).createSerializer();
    TypeSerializerSnapshot<Row> snapshot = snapshotRoundTrip(original);

    TypeSerializer<Row> renamed = Types.ROW_NAMED(new String[] {"name", "total"}, Types.STRING, Types.LONG).createSerializer();
    assertThat(snapshot.resolveSchemaCompatibility(renamed).isCompatibleAsIs()).isTrue();

    TypeSerializerSchemaCompatibility<Row> wider =
        snapshot.resolveSchemaCompatibility(Types.ROW(Types.STRING, Types.LONG, Types.INT).createSerializer());
    assertThat(wider.isIncompatible()).isTrue();
    assertThat(wider.message()).contains("had 2 fields").contains("have 3 now");

    TypeSerializerSchemaCompatibility<Row> retyped =
        snapshot.resolveSchemaCompatibility(Types.ROW(Types.STRING, Types.STRING).createSerializer());
    assertThat(retyped.isIncompatible()).isTrue();
    assertThat(retyped.message()).contains("row field 1 (amount)");
  }

  @Test
  void aRowOfAnotherArityOrAnUnknownNameFailsNamingTheFields() {
    TypeSerializer<Row> serializer = Types.ROW_NAMED(new String[] {"user", "amount"}, Types.STRING, Types.LONG).createSerializer();
    assertThatThrownBy(() -> serializer.serialize(Row.of("ann"), new DataOutputSerializer(16)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("A row of arity 1 (+I[ann])")
        .hasMessageContaining("rows with 2 fields [user, amount]");
    Row named = Row.withNames();
    named.setField("age", 3);
    assertThatThrownBy(() -> serializer.serialize(named, new DataOutputSerializer(16)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'age'")
        .hasMessageContaining("[user, amount]");
    assertThatThrownBy(() -> serializer.copy(Row.of(1, 2, 3))).hasMessageContaining("arity 3");
    assertThatThrownBy(() -> new RowSerializer(new TypeSerializer<?>[] {StringSerializer.INSTANCE}).copy(named))
        .hasMessageContaining("without field names");
  }

  @Test
  void aCorruptKindByteIsReportedAsACorruptRow() {
    TypeSerializer<Row> serializer = Types.ROW(Types.INT).createSerializer();
    assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(new byte[] {9, 1})))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Corrupt row")
        .hasMessageContaining("byte 9");
  }

  @Test
  void aSerializerWithoutNamesReadsPositionBasedRows() throws IOException {
    RowSerializer serializer = new RowSerializer(new TypeSerializer<?>[] {Types.INT.createSerializer()});
    Row back = deserializeAll(serializer, bytesOf(serializer, Row.ofKind(RowKind.DELETE, 5)));
    assertThat(back).isEqualTo(Row.ofKind(RowKind.DELETE, 5));
    assertThat(back.getFieldNames(true)).isNull();
    assertThat(snapshotRoundTrip(serializer).restoreSerializer()).isEqualTo(serializer);
  }
}
