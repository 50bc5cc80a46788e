package io.spate.api.serialization;

import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A user's serializer around nested serializers, with a snapshot written on Flink's
 * CompositeTypeSerializerSnapshot, restores around its nested serializers' snapshots and combines
 * their compatibility with its own.
 */
class CompositeTypeSerializerSnapshotTest {

  /** A user's pair class. */
  public static final class Pair {
    final Object left;
    final Object right;

    Pair(Object left, Object right) {
      this.left = left;
      this.right = right;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && Objects.equals(p.left, left) && Objects.equals(p.right, right);
    }

    @Override
    public int hashCode() {
      return Objects.hash(left, right);
    }
  }

  /** Writes a pair as its two values, each with its own serializer; {@code tag} is outer configuration. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final class PairSerializer extends TypeSerializer<Pair> {
    private static final long serialVersionUID = 1L;
    final TypeSerializer left;
    final TypeSerializer right;
    final String tag;

    PairSerializer(TypeSerializer<?> left, TypeSerializer<?> right, String tag) {
      this.left = left;
      this.right = right;
      this.tag = tag;
    }

    @Override
    public void serialize(Pair value, DataOutputView target) throws IOException {
      left.serialize(value.left, target);
      right.serialize(value.right, target);
    }

    @Override
    public Pair deserialize(DataInputView source) throws IOException {
      return new Pair(left.deserialize(source), right.deserialize(source));
    }

    @Override
    public Pair copy(Pair value) {
      return value;
    }

    @Override
    public TypeSerializer<Pair> duplicate() {
      return this;
    }

    @Override
    public TypeSerializerSnapshot<Pair> snapshotConfiguration() {
      return new PairSerializerSnapshot(this);
    }
  }

  /** Stores the tag as outer configuration; a changed tag needs migration, "!" is incompatible. */
  public static final class PairSerializerSnapshot extends CompositeTypeSerializerSnapshot<Pair, PairSerializer> {
    private String tag;

    public PairSerializerSnapshot() {}

    PairSerializerSnapshot(PairSerializer serializer) {
      super(serializer);
      this.tag = serializer.tag;
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return 7;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(PairSerializer outerSerializer) {
      return new TypeSerializer<?>[] {outerSerializer.left, outerSerializer.right};
    }

    @Override
    protected PairSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
      return new PairSerializer(nestedSerializers[0], nestedSerializers[1], tag);
    }

    @Override
    protected void writeOuterSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(tag);
    }

    @Override
    protected void readOuterSnapshot(int readOuterSnapshotVersion, DataInputView in, ClassLoader userCodeClassLoader)
        throws IOException {
      assertThat(readOuterSnapshotVersion).isEqualTo(7);
      tag = in.readUTF();
    }

    @Override
    protected OuterSchemaCompatibility resolveOuterSchemaCompatibility(TypeSerializerSnapshot<Pair> oldSerializerSnapshot) {
      String oldTag = ((PairSerializerSnapshot) oldSerializerSnapshot).tag;
      if (tag.equals("!")) {
        return OuterSchemaCompatibility.INCOMPATIBLE;
      }
      return oldTag.equals(tag) ? OuterSchemaCompatibility.COMPATIBLE_AS_IS : OuterSchemaCompatibility.COMPATIBLE_AFTER_MIGRATION;
    }
  }

  private static PairSerializer pairs(String tag) {
    return new PairSerializer(StringSerializer.INSTANCE, IntSerializer.INSTANCE, tag);
  }

  private static TypeSerializerSnapshot<Pair> writtenAndRead(TypeSerializer<Pair> serializer) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(32);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    return TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), CompositeTypeSerializerSnapshotTest.class.getClassLoader());
  }

  @Test
  void theRestoredSerializerReadsWhatTheOriginalWrote() throws IOException {
    TypeSerializerSnapshot<Pair> restored = writtenAndRead(pairs("v1"));
    assertThat(restored).isInstanceOf(PairSerializerSnapshot.class);
    assertThat(((PairSerializerSnapshot) restored).getNestedSerializerSnapshots()).hasSize(2);
    TypeSerializer<Pair> serializer = restored.restoreSerializer();
    assertThat(((PairSerializer) serializer).tag).isEqualTo("v1");
    qt().withExamples(100).forAll(strings(), ints()).checkAssert((text, number) -> {
      Pair pair = new Pair(text, number);
      assertThat(roundTrip(serializer, pair)).isEqualTo(pair);
      assertThat(roundTrip(pairs("v1"), pair)).isEqualTo(pair);
    });
  }

  @Test
  void compatibilityCombinesTheOuterAndTheNestedAnswers() throws IOException {
    TypeSerializerSnapshot<Pair> restored = writtenAndRead(pairs("v1"));
    assertThat(restored.resolveSchemaCompatibility(pairs("v1")).isCompatibleAsIs()).isTrue();
    assertThat(restored.resolveSchemaCompatibility(pairs("v2")).isCompatibleAfterMigration()).isTrue();
    assertThat(restored.resolveSchemaCompatibility(pairs("!")).isIncompatible()).isTrue();
    // Flink's form, asked on the new serializer's snapshot.
    assertThat(pairs("v1").snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();

    TypeSerializerSchemaCompatibility<Pair> changedNested = restored.resolveSchemaCompatibility(
        new PairSerializer(StringSerializer.INSTANCE, StringSerializer.INSTANCE, "v1"));
    assertThat(changedNested.isIncompatible()).isTrue();
    assertThat(changedNested.message()).contains("nested serializer 1");
  }

  @Test
  void anUnknownVersionIsRejectedWithTheSnapshotClass() {
    assertThatThrownBy(() -> new PairSerializerSnapshot().readSnapshot(2, new DataInputDeserializer(new byte[0]),
        getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(PairSerializerSnapshot.class.getName());
  }

  /** A nested serializer of ints whose restored snapshot answers Flink's reconfigured kind. */
  public static final class ReconfiguredInts extends TypeSerializer<Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Integer value, DataOutputView target) throws IOException {
      target.writeInt(value);
    }

    @Override
    public Integer deserialize(DataInputView source) throws IOException {
      return source.readInt();
    }

    @Override
    public Integer copy(Integer value) {
      return value;
    }

    @Override
    public TypeSerializer<Integer> duplicate() {
      return this;
    }

    @Override
    public TypeSerializerSnapshot<Integer> snapshotConfiguration() {
      return new ReconfiguredIntsSnapshot();
    }
  }

  /** Answers that a reconfigured serializer reads the state. */
  public static final class ReconfiguredIntsSnapshot extends SimpleTypeSerializerSnapshot<Integer> {
    public ReconfiguredIntsSnapshot() {
      super(ReconfiguredInts::new);
    }

    @Override
    public TypeSerializerSchemaCompatibility<Integer> resolveSchemaCompatibility(
        TypeSerializerSnapshot<Integer> oldSerializerSnapshot) {
      return TypeSerializerSchemaCompatibility.compatibleWithReconfiguredSerializer(new ReconfiguredInts());
    }
  }

  @Test
  void aNestedReconfiguredSerializerMakesTheWholeNeedAMigration() throws IOException {
    TypeSerializerSnapshot<Pair> restored =
        writtenAndRead(new PairSerializer(StringSerializer.INSTANCE, new ReconfiguredInts(), "v1"));
    TypeSerializerSchemaCompatibility<Pair> answer =
        restored.resolveSchemaCompatibility(new PairSerializer(StringSerializer.INSTANCE, new ReconfiguredInts(), "v1"));
    assertThat(answer.isCompatibleAfterMigration()).isTrue();

    TypeSerializerSchemaCompatibility<Integer> reconfigured =
        new ReconfiguredIntsSnapshot().resolveSchemaCompatibility(new ReconfiguredIntsSnapshot());
    assertThat(reconfigured.isCompatibleWithReconfiguredSerializer()).isTrue();
    assertThat(reconfigured.isCompatibleAsIs()).isFalse();
    assertThat(reconfigured.getReconfiguredSerializer()).isInstanceOf(ReconfiguredInts.class);
    assertThatThrownBy(() -> TypeSerializerSchemaCompatibility.<Integer>compatibleAsIs().getReconfiguredSerializer())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("COMPATIBLE_AS_IS");
  }
}
