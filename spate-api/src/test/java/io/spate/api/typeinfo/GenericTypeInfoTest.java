package io.spate.api.typeinfo;

import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.javaSerialized;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.JavaSerializationSerializer;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** A type named with Types.GENERIC is serialized with Java serialization, and obeys setGenericTypes. */
class GenericTypeInfoTest {

  /** A black box to Spate: no no-arg constructor, private fields. */
  public static final class Note implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String text;
    private final ArrayList<Integer> marks;

    public Note(String text, List<Integer> marks) {
      this.text = text;
      this.marks = new ArrayList<>(marks);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Note n && n.text.equals(text) && n.marks.equals(marks);
    }

    @Override
    public int hashCode() {
      return Objects.hash(text, marks);
    }
  }

  /** Neither a POJO nor serializable. */
  public static final class Opaque {
    private final Object inner = new Object();
  }

  @Test
  void valuesRoundTripAndCopiesAreDeep() {
    TypeSerializer<Note> serializer = javaSerialized(Types.GENERIC(Note.class).createSerializer());
    qt().withExamples(100).forAll(strings(), lists(ints(), 0, 10)).checkAssert((text, marks) -> {
      Note note = new Note(text, marks);
      assertThat(roundTrip(serializer, note)).isEqualTo(note);
      Note copy = serializer.copy(note);
      assertThat(copy).isEqualTo(note).isNotSameAs(note);
    });
  }

  @Test
  void itsSnapshotRestoresTheSerializerOfTheSameClass() throws IOException {
    TypeSerializer<Note> serializer = Types.GENERIC(Note.class).createSerializer();
    DataOutputSerializer out = new DataOutputSerializer(32);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    TypeSerializerSnapshot<Note> restored = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertThat(restored.restoreSerializer()).isEqualTo(serializer);
    assertThat(restored.resolveSchemaCompatibility(serializer).isCompatibleAsIs()).isTrue();
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializer<Note> other = (TypeSerializer) new JavaSerializationSerializer<>(String.class);
    assertThat(restored.resolveSchemaCompatibility(other).isIncompatible()).isTrue();
  }

  @Test
  void describesItselfAsFlinkDoes() {
    GenericTypeInfo<Note> type = new GenericTypeInfo<>(Note.class);
    assertThat(type).hasToString("GenericType<" + Note.class.getCanonicalName() + ">");
    assertThat(type).isEqualTo(Types.GENERIC(Note.class)).isNotEqualTo(Types.GENERIC(String.class));
    assertThat(type.hashCode()).isEqualTo(Types.GENERIC(Note.class).hashCode());
    assertThat(type.isBasicType()).isFalse();
    assertThat(type.isTupleType()).isFalse();
    assertThat(type.getArity()).isEqualTo(1);
    assertThat(type.getTotalFields()).isEqualTo(1);
    assertThat(type.getTypeClass()).isEqualTo(Note.class);
  }

  @Test
  void aGenericTypeIsAKeyOnlyWhenComparable() {
    assertThat(Types.GENERIC(String.class).isKeyType()).isTrue();
    assertThat(Types.GENERIC(String.class).isSortKeyType()).isTrue();
    assertThat(Types.GENERIC(Note.class).isKeyType()).isFalse();
    assertThatThrownBy(() -> Types.GENERIC(Note.class).checkValidKey())
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("Comparable");
  }

  @Test
  void aClassThatJavaSerializationCannotWriteIsRejectedWithTheWayOut() {
    assertThatThrownBy(() -> Types.GENERIC(Opaque.class).createSerializer())
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining(Opaque.class.getName())
        .hasMessageContaining("Serializable")
        .hasMessageContaining("record or a POJO");
  }

  @Test
  void disabledGenericTypesRefuseTheSerializer() {
    SerializerConfig config = new SerializerConfig();
    config.setGenericTypes(false);
    assertThatThrownBy(() -> Types.GENERIC(Note.class).createSerializer(config))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Generic types have been disabled in the ExecutionConfig and type " + Note.class.getName()
            + " is treated as a generic type.");
  }

  @Test
  void aJobWithAGenericTypeFailsWhenGenericTypesAreDisabled() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.getConfig().getSerializerConfig().setGenericTypes(false);
    env.fromData(List.of("a", "b"), Types.STRING)
        .map(text -> List.of(new Note(text, List.of())))
        .returns(Types.LIST(Types.GENERIC(Note.class)))
        .discard();
    assertThatThrownBy(() -> env.getStreamGraph("notes"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("Generic types have been disabled in the ExecutionConfig and type "
            + Note.class.getName() + " is treated as a generic type");

    env.getConfig().getSerializerConfig().setGenericTypes(true);
    assertThat(env.getStreamGraph("notes").transformations()).isNotEmpty();
  }
}
