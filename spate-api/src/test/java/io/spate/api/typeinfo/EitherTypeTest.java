package io.spate.api.typeinfo;

import static io.spate.api.serialization.BasicValueGenerators.booleans;
import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static io.spate.api.serialization.SnapshotTesting.deserializeAll;
import static io.spate.api.serialization.SnapshotTesting.snapshotRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.tuple.Tuple2;
import io.spate.api.types.Either;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Either values, their type information and their serializer. */
class EitherTypeTest {

  private static final TypeInformation<Either<String, List<Integer>>> TYPE =
      Types.EITHER(Types.STRING, Types.LIST(Types.INT));

  private static Gen<Either<String, List<Integer>>> eithers() {
    Gen<Either<String, List<Integer>>> lefts = strings(0, 30).map(Either::Left);
    Gen<Either<String, List<Integer>>> rights = lists(ints(), 0, 10).map(Either::Right);
    return booleans().flatMap(left -> left ? lefts : rights);
  }

  @Test
  void eithersRoundTripToEqualValuesOnTheSameSide() {
    TypeSerializer<Either<String, List<Integer>>> serializer = TYPE.createSerializer();
    qt().withExamples(300).forAll(eithers()).checkAssert(either -> {
      Either<String, List<Integer>> result = roundTrip(serializer, either);
      assertThat(result).isEqualTo(either).hasSameHashCodeAs(either);
      assertThat(result.isLeft()).isEqualTo(either.isLeft());
      Either<String, List<Integer>> copy = serializer.copy(either);
      assertThat(copy).isEqualTo(either);
      if (either.isRight()) {
        assertThat(copy.right()).isNotSameAs(either.right());
      }
    });
  }

  @Test
  void aRestoredSnapshotReadsTheOldBytes() {
    TypeSerializer<Either<String, List<Integer>>> serializer = TYPE.createSerializer();
    TypeSerializerSnapshot<Either<String, List<Integer>>> snapshot = snapshotRoundTrip(serializer);
    qt().withExamples(50).forAll(eithers()).checkAssert(either ->
        assertThat(deserializeAll(snapshot.restoreSerializer(), bytesOf(serializer, either))).isEqualTo(either));
    assertThat(snapshot.resolveSchemaCompatibility(TYPE.createSerializer()).isCompatibleAsIs()).isTrue();
    TypeSerializer<Either<String, List<Integer>>> swapped =
        Types.<String, List<Integer>>EITHER(Types.STRING, Types.LIST(Types.INT)).createSerializer();
    assertThat(snapshot.resolveSchemaCompatibility(swapped).isCompatibleAsIs()).isTrue();
  }

  @Test
  void equalsAndHashCodeFollowTheSideAndTheValue() {
    qt().withExamples(200).forAll(eithers(), eithers()).checkAssert((a, b) -> {
      boolean equal = a.isLeft() == b.isLeft() && (a.isLeft() ? a.left().equals(b.left()) : a.right().equals(b.right()));
      assertThat(a.equals(b)).isEqualTo(equal).isEqualTo(b.equals(a));
      if (equal) {
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
      }
    });
    assertThat(Either.<String, String>Left("x")).isNotEqualTo(Either.<String, String>Right("x"));
  }

  @Test
  void theOtherSideAndNullValuesFailClearly() {
    Either<String, Integer> left = Either.Left("a");
    assertThat(left).hasToString("Left(a)");
    assertThat(Either.<String, Integer>Right(3)).hasToString("Right(3)");
    assertThatThrownBy(left::right).isInstanceOf(IllegalStateException.class).hasMessageContaining("Left(a)");
    assertThatThrownBy(() -> Either.Left(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Either.Left");
    assertThatThrownBy(() -> Either.Right.of(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Either.Right");
    assertThatThrownBy(() -> TYPE.createSerializer().serialize(null, new DataOutputSerializer(8)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("cannot be null");
  }

  @Test
  void aCorruptSideByteIsReported() {
    DataInputDeserializer in = new DataInputDeserializer(new byte[] {7, 0});
    assertThatThrownBy(() -> TYPE.createSerializer().deserialize(in)).isInstanceOf(IOException.class)
        .hasMessageContaining("starts with 7");
  }

  @Test
  void extractionFindsEitherTypesAndRejectsRawOnesAndKeys() {
    assertThat(new TypeHint<Either<String, Tuple2<Integer, Long>>>() {}.getTypeInfo())
        .isEqualTo(Types.EITHER(Types.STRING, Types.TUPLE(Types.INT, Types.LONG)));
    assertThat(TYPE).hasToString("Either <String, List<Integer>>".replace("List<Integer>", Types.LIST(Types.INT).toString()));
    assertThatThrownBy(() -> TypeInformation.of(Either.class)).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("raw Either").hasMessageContaining("Types.EITHER");
    assertThatThrownBy(() -> TypeExtractor.getForObject(Either.Left("a"))).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("Types.EITHER");
    assertThatThrownBy(TYPE::checkValidKey).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("cannot be a key");
    assertThatThrownBy(() -> TYPE.fieldAccessor(0)).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("has no fields");
  }
}
