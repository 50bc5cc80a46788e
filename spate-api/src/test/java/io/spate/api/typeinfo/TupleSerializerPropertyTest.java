package io.spate.api.typeinfo;

import static io.spate.api.serialization.BasicValueGenerators.doubles;
import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.longs;
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

import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TupleSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.tuple.Tuple;
import io.spate.api.tuple.Tuple2;
import io.spate.api.types.NullFieldException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Tuples of every arity, with fields of several types (nested tuples and lists among them), through
 * the serializer {@link TupleTypeInfo} creates: round trips, deep copies, snapshots, the null-field
 * rule, and the equals/hashCode/key-hash laws of the tuples themselves.
 */
class TupleSerializerPropertyTest {

  /** The field types a generated tuple draws from, by kind. */
  private static final TypeInformation<?>[] KINDS = {
    Types.STRING, Types.INT, Types.LONG, Types.DOUBLE, Types.LIST(Types.INT), Types.TUPLE(Types.STRING, Types.LONG)
  };

  /** One field: its kind (an index into {@link #KINDS}) and a value of that kind. */
  record Field(int kind, Object value) {}

  /** A tuple of the arity and field types of {@code fields}, with their values. */
  record Sample(TupleTypeInfo<Tuple> type, Tuple tuple) {
    @Override
    public String toString() {
      return type + " " + tuple;
    }
  }

  private static Gen<Object> valuesOf(int kind) {
    Gen<?> values = switch (kind) {
      case 0 -> strings(0, 20);
      case 1 -> ints();
      case 2 -> longs();
      case 3 -> doubles();
      case 4 -> lists(nullable(ints(), 10), 0, 8);
      default -> strings(0, 10).zip(longs(), Tuple2::of);
    };
    return values.map(v -> (Object) v);
  }

  private static Gen<Field> fields() {
    return Generate.range(0, KINDS.length - 1).flatMap(kind -> valuesOf(kind).map(v -> new Field(kind, v)));
  }

  static Gen<Sample> samples() {
    return samples(0);
  }

  @SuppressWarnings("unchecked")
  static Gen<Sample> samples(int minArity) {
    return lists(fields(), minArity, Tuple.MAX_ARITY).map(fields -> {
      TypeInformation<?>[] types = new TypeInformation<?>[fields.size()];
      Tuple tuple = Tuple.newInstance(fields.size());
      for (int i = 0; i < types.length; i++) {
        types[i] = KINDS[fields.get(i).kind()];
        tuple.setField(fields.get(i).value(), i);
      }
      return new Sample((TupleTypeInfo<Tuple>) (TypeInformation<?>) Types.TUPLE(types), tuple);
    });
  }

  @Test
  void tuplesOfEveryArityRoundTripToEqualTuplesOfTheSameClass() {
    qt().withExamples(120).forAll(samples()).checkAssert(sample -> {
      TypeSerializer<Tuple> serializer = sample.type().createSerializer();
      Tuple result = roundTrip(serializer, sample.tuple());
      assertThat(result).isEqualTo(sample.tuple()).hasSameHashCodeAs(sample.tuple());
      assertThat(result.getClass()).isEqualTo(sample.tuple().getClass());
      assertThat(result.getArity()).isEqualTo(sample.tuple().getArity());
    });
  }

  @Test
  void aSerializerShippedByJavaSerializationWritesTheSameBytes() {
    qt().withExamples(50).forAll(samples()).checkAssert(sample -> {
      TypeSerializer<Tuple> serializer = sample.type().createSerializer();
      TypeSerializer<Tuple> shipped = javaSerialized(serializer);
      assertThat(shipped).isEqualTo(serializer);
      assertThat(bytesOf(shipped, sample.tuple())).isEqualTo(bytesOf(serializer, sample.tuple()));
    });
  }

  @Test
  void copiesAreEqualAndIndependentDownToNestedTuplesAndLists() {
    qt().withExamples(200).forAll(samples()).checkAssert(sample -> {
      TypeSerializer<Tuple> serializer = sample.type().createSerializer();
      Tuple copy = serializer.copy(sample.tuple());
      assertThat(copy).isEqualTo(sample.tuple());
      if (copy.getArity() > 0) {
        assertThat(copy).isNotSameAs(sample.tuple());
      }
      for (int i = 0; i < copy.getArity(); i++) {
        Object field = copy.getField(i);
        if (field instanceof Tuple2<?, ?> || field instanceof List<?>) {
          assertThat(field).isNotSameAs(sample.tuple().getField(i));
        }
      }
    });
  }

  @Test
  void aNullFieldFailsSerializationNamingItsPosition() {
    Gen<Integer> positions = Generate.range(0, Tuple.MAX_ARITY - 1);
    qt().withExamples(150).forAll(samples(1), positions).checkAssert((sample, position) -> {
          int pos = position % sample.tuple().getArity();
          Tuple withNull = sample.tuple().copy();
          withNull.setField(null, pos);
          TypeSerializer<Tuple> serializer = sample.type().createSerializer();
          assertThatThrownBy(() -> serializer.serialize(withNull, new DataOutputSerializer(16)))
              .isInstanceOf(NullFieldException.class)
              .hasMessageContaining("Field f" + pos + " of the Tuple" + withNull.getArity())
              .satisfies(e -> assertThat(((NullFieldException) e).getFieldPos()).isEqualTo(pos));
          // A copy keeps the null instead of failing: only serialization needs every field.
          assertThat(serializer.copy(withNull)).isEqualTo(withNull);
        });
  }

  @Test
  void aRestoredSnapshotReadsTheOldBytesAndTheSameTypeIsCompatibleAsIs() {
    qt().withExamples(80).forAll(samples()).checkAssert(sample -> {
      TypeSerializer<Tuple> serializer = sample.type().createSerializer();
      TypeSerializerSnapshot<Tuple> snapshot = snapshotRoundTrip(serializer);
      byte[] bytes = bytesOf(serializer, sample.tuple());
      assertThat(deserializeAll(snapshot.restoreSerializer(), bytes)).isEqualTo(sample.tuple());
      TypeSerializerSchemaCompatibility<Tuple> compatibility =
          snapshot.resolveSchemaCompatibility(sample.type().createSerializer());
      assertThat(compatibility.isCompatibleAsIs()).as("%s", compatibility).isTrue();
    });
  }

  @Test
  void aSnapshotRejectsAnotherArityOrAFieldOfAnotherType() {
    TypeSerializer<Tuple2<String, Integer>> pairs =
        Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.INT).createSerializer();
    TypeSerializerSnapshot<Tuple2<String, Integer>> snapshot = snapshotRoundTrip(pairs);

    TypeSerializer<Tuple2<String, Integer>> triples = Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.INT, Types.INT)
        .createSerializer();
    assertThat(snapshot.resolveSchemaCompatibility(triples).message())
        .contains("io.spate.api.tuple.Tuple2").contains("io.spate.api.tuple.Tuple3");

    TypeSerializer<Tuple2<String, Integer>> otherField =
        Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.STRING).createSerializer();
    TypeSerializerSchemaCompatibility<Tuple2<String, Integer>> changed = snapshot.resolveSchemaCompatibility(otherField);
    assertThat(changed.isIncompatible()).isTrue();
    assertThat(changed.message()).contains("field f1");
  }

  @Test
  void equalTuplesHaveEqualHashCodesAndKeyHashes() {
    qt().withExamples(200).forAll(samples()).checkAssert(sample -> {
      Tuple tuple = sample.tuple();
      Tuple same = sample.type().createSerializer().copy(tuple);
      assertThat(same).isEqualTo(tuple);
      assertThat(tuple).isEqualTo(same);
      assertThat(same.hashCode()).isEqualTo(tuple.hashCode());
      assertThat(sample.type().keyHash(same)).isEqualTo(sample.type().keyHash(tuple));
      assertThat(tuple).isEqualTo(tuple).isNotEqualTo(null).isNotEqualTo("a string");
    });
  }

  @Test
  void tuplesThatDifferInOneFieldAreNotEqual() {
    Gen<Integer> positions = Generate.range(0, Tuple.MAX_ARITY - 1);
    qt().withExamples(200).forAll(samples(1), positions).checkAssert((sample, position) -> {
          Tuple tuple = sample.tuple();
          int pos = position % tuple.getArity();
          Tuple other = tuple.copy();
          other.setField(new Object(), pos); // no generated value equals a bare Object
          assertThat(other).isNotEqualTo(tuple);
          assertThat(tuple).isNotEqualTo(other);
        });
  }

  @Test
  void tuplesOfDifferentAritiesAreNeverEqual() {
    qt().withExamples(100).forAll(samples()).checkAssert(sample -> {
      Tuple tuple = sample.tuple();
      // The same fields, one more or one fewer: equal as far as both go, yet of another arity.
      int arity = tuple.getArity() == Tuple.MAX_ARITY ? tuple.getArity() - 1 : tuple.getArity() + 1;
      Tuple other = Tuple.newInstance(arity);
      for (int i = 0; i < Math.min(arity, tuple.getArity()); i++) {
        other.setField(tuple.getField(i), i);
      }
      assertThat(other).isNotEqualTo(tuple);
      assertThat(tuple).isNotEqualTo(other);
    });
  }

  @Test
  void everyArityHasItsClassAndAFreshInstanceOfIt() {
    List<String> names = new ArrayList<>();
    for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
      Tuple tuple = Tuple.newInstance(arity);
      assertThat(tuple.getClass()).isEqualTo(Tuple.getTupleClass(arity));
      assertThat(tuple.getArity()).isEqualTo(arity);
      names.add(tuple.getClass().getSimpleName());
    }
    assertThat(names).startsWith("Tuple0", "Tuple1").endsWith("Tuple25").doesNotHaveDuplicates();
    assertThatThrownBy(() -> Tuple.newInstance(26)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arity 26").hasMessageContaining("0 to 25");
    assertThatThrownBy(() -> new TupleSerializer<>(Tuple2.class, new TypeSerializer<?>[] {Types.INT.createSerializer()}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2 fields, but 1 serializers");
  }
}
