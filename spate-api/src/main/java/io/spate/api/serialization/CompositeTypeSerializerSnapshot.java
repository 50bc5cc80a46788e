package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.util.Objects;

/**
 * Flink's base for the snapshot of a serializer built around nested serializers (a serializer of a
 * user's container type, say): a subclass names the nested serializers and how to build the outer
 * serializer around them, and may write configuration of the outer serializer itself. The snapshot
 * stores the nested serializers' snapshots, restores the outer serializer around their restored
 * serializers, and combines their compatibility with the outer one: any incompatible makes the whole
 * incompatible, any migration makes it need migration.
 *
 * <p>A subclass has a public no-argument constructor for reading, and one taking the serializer,
 * which {@code snapshotConfiguration()} calls.
 *
 * @param <T> the serialized type
 * @param <S> the class of the outer serializer
 */
@PublicEvolving
public abstract class CompositeTypeSerializerSnapshot<T, S extends TypeSerializer<T>>
    implements TypeSerializerSnapshot<T> {

  /** How the outer serializer's own configuration compares with the old one's. */
  public enum OuterSchemaCompatibility {
    /** The new outer serializer reads the old bytes as they are. */
    COMPATIBLE_AS_IS,
    /** The state must be read with the old serializer and written with the new one. */
    COMPATIBLE_AFTER_MIGRATION,
    /** The new outer serializer cannot read the old bytes. */
    INCOMPATIBLE
  }

  // The version of this class's own format: outer version, outer snapshot, nested snapshots.
  private static final int VERSION = 3;

  private TypeSerializerSnapshot<?>[] nestedSnapshots;
  // The live nested serializers of a snapshot taken of a serializer; null in a snapshot read back.
  private TypeSerializer<?>[] nestedSerializers;
  private int readOuterSnapshotVersion;

  /** For reading; {@link #readSnapshot} fills it in. */
  public CompositeTypeSerializerSnapshot() {}

  /**
   * For reading, naming the outer serializer class, as Flink's older snapshots do.
   *
   * @deprecated as in Flink: use the no-argument constructor
   */
  @Deprecated
  @SuppressWarnings("rawtypes")
  public CompositeTypeSerializerSnapshot(Class<? extends TypeSerializer> correspondingSerializerClass) {
    Objects.requireNonNull(correspondingSerializerClass, "correspondingSerializerClass");
  }

  /** The snapshot of {@code serializerInstance}: its nested serializers' snapshots. */
  public CompositeTypeSerializerSnapshot(S serializerInstance) {
    TypeSerializer<?>[] nested = getNestedSerializers(Objects.requireNonNull(serializerInstance, "serializerInstance"));
    nestedSerializers = nested.clone();
    nestedSnapshots = new TypeSerializerSnapshot<?>[nested.length];
    for (int i = 0; i < nested.length; i++) {
      nestedSnapshots[i] = nested[i].snapshotConfiguration();
    }
    readOuterSnapshotVersion = getCurrentOuterSnapshotVersion();
  }

  /** The version of the format this class writes; the outer version is written separately. */
  @Override
  public final int getCurrentVersion() {
    return VERSION;
  }

  @Override
  public final void writeSnapshot(DataOutputView out) throws IOException {
    out.writeInt(getCurrentOuterSnapshotVersion());
    writeOuterSnapshot(out);
    out.writeInt(nestedSnapshots.length);
    for (TypeSerializerSnapshot<?> nested : nestedSnapshots) {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, nested);
    }
  }

  /**
   * @throws IOException naming this snapshot class if the version is unknown or the bytes are corrupt
   */
  @Override
  public final void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
      throws IOException {
    if (readVersion != VERSION) {
      throw new IOException(
          "Unknown version " + readVersion + " of the serializer snapshot " + getClass().getName()
              + "; this version reads version " + VERSION);
    }
    readOuterSnapshotVersion = in.readInt();
    readOuterSnapshot(readOuterSnapshotVersion, in, userCodeClassLoader);
    int count = in.readInt();
    if (count < 0 || count > 1024) {
      throw new IOException("Corrupt serializer snapshot " + getClass().getName() + ": " + count + " nested serializers");
    }
    nestedSnapshots = new TypeSerializerSnapshot<?>[count];
    for (int i = 0; i < count; i++) {
      nestedSnapshots[i] = TypeSerializerSnapshot.readVersionedSnapshot(in, userCodeClassLoader);
    }
  }

  /** The outer serializer around the serializers the nested snapshots restore. */
  @Override
  public final TypeSerializer<T> restoreSerializer() {
    TypeSerializer<?>[] nested = new TypeSerializer<?>[nestedSnapshots.length];
    for (int i = 0; i < nested.length; i++) {
      nested[i] = nestedSnapshots[i].restoreSerializer();
    }
    return createOuterSerializerWithNestedSerializers(nested);
  }

  /** The snapshots of the nested serializers, in the order of {@link #getNestedSerializers}. */
  public final TypeSerializerSnapshot<?>[] getNestedSerializerSnapshots() {
    return nestedSnapshots.clone();
  }

  /**
   * Asked on the new serializer's snapshot: incompatible if {@code oldSerializerSnapshot} is of
   * another class, has another number of nested serializers, or the outer or any nested
   * serializer is incompatible; else after migration if any needs it; else as is.
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSerializerSnapshot) {
    if (oldSerializerSnapshot.getClass() != getClass()) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "the state was written by a serializer whose snapshot is a " + oldSerializerSnapshot.getClass().getName()
              + ", not a " + getClass().getName());
    }
    CompositeTypeSerializerSnapshot<T, S> old = (CompositeTypeSerializerSnapshot<T, S>) oldSerializerSnapshot;
    if (old.nestedSnapshots.length != nestedSnapshots.length) {
      return TypeSerializerSchemaCompatibility.incompatible(
          getClass().getName() + ": the state has " + old.nestedSnapshots.length + " nested serializers, the new"
              + " serializer " + nestedSnapshots.length);
    }
    OuterSchemaCompatibility outer = resolveOuterSchemaCompatibility(oldSerializerSnapshot);
    if (outer == OuterSchemaCompatibility.INCOMPATIBLE) {
      return TypeSerializerSchemaCompatibility.incompatible(
          getClass().getName() + ": the outer serializer's configuration changed incompatibly");
    }
    boolean migrate = outer == OuterSchemaCompatibility.COMPATIBLE_AFTER_MIGRATION;
    for (int i = 0; i < nestedSnapshots.length; i++) {
      TypeSerializerSnapshot oldNested = old.nestedSnapshots[i];
      // Ask the old nested snapshot about the live serializer where there is one, the new snapshot
      // about the old one otherwise; each form's default reaches the other.
      TypeSerializerSchemaCompatibility<?> nested = nestedSerializers != null
          ? oldNested.resolveSchemaCompatibility((TypeSerializer) nestedSerializers[i])
          : ((TypeSerializerSnapshot) nestedSnapshots[i]).resolveSchemaCompatibility(oldNested);
      if (nested.isIncompatible()) {
        return TypeSerializerSchemaCompatibility.incompatible(
            "nested serializer " + i + " of " + getClass().getName() + ": " + nested.message());
      }
      migrate |= nested.isCompatibleAfterMigration() || nested.isCompatibleWithReconfiguredSerializer();
    }
    return migrate
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.compatibleAsIs();
  }

  /** The version of what {@link #writeOuterSnapshot} writes. */
  protected abstract int getCurrentOuterSnapshotVersion();

  /** The nested serializers of {@code outerSerializer}, in a fixed order. */
  protected abstract TypeSerializer<?>[] getNestedSerializers(S outerSerializer);

  /** The outer serializer around {@code nestedSerializers}, in the order of {@link #getNestedSerializers}. */
  protected abstract S createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers);

  /** Writes the outer serializer's own configuration; nothing by default. */
  protected void writeOuterSnapshot(DataOutputView out) throws IOException {}

  /** Reads what {@link #writeOuterSnapshot} wrote in version {@code readOuterSnapshotVersion}. */
  protected void readOuterSnapshot(int readOuterSnapshotVersion, DataInputView in, ClassLoader userCodeClassLoader)
      throws IOException {}

  /**
   * How the new outer serializer's configuration (this snapshot's) compares with that of {@code
   * oldSerializerSnapshot}. By default the old snapshot is asked the older question, {@link
   * #resolveOuterSchemaCompatibility(TypeSerializer)}, about the new outer serializer.
   */
  @SuppressWarnings("unchecked")
  protected OuterSchemaCompatibility resolveOuterSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
    S newSerializer = nestedSerializers != null
        ? createOuterSerializerWithNestedSerializers(nestedSerializers)
        : (S) restoreSerializer();
    return ((CompositeTypeSerializerSnapshot<T, S>) oldSerializerSnapshot).resolveOuterSchemaCompatibility(newSerializer);
  }

  /**
   * Flink's older question, asked on the old snapshot: how {@code newSerializer}'s outer configuration
   * compares with this one's. By default as is if {@link #isOuterSnapshotCompatible} says so, else
   * incompatible.
   *
   * @deprecated as in Flink: override {@link #resolveOuterSchemaCompatibility(TypeSerializerSnapshot)}
   */
  @Deprecated
  protected OuterSchemaCompatibility resolveOuterSchemaCompatibility(S newSerializer) {
    return isOuterSnapshotCompatible(newSerializer)
        ? OuterSchemaCompatibility.COMPATIBLE_AS_IS
        : OuterSchemaCompatibility.INCOMPATIBLE;
  }

  /**
   * Flink's oldest question: whether {@code newSerializer}'s outer configuration is that of this
   * snapshot; true by default, for a serializer with no outer configuration.
   *
   * @deprecated as in Flink: override {@link #resolveOuterSchemaCompatibility(TypeSerializerSnapshot)}
   */
  @Deprecated
  protected boolean isOuterSnapshotCompatible(S newSerializer) {
    return true;
  }

  /** The outer snapshot version the snapshot was read with (the current one for a new snapshot). */
  protected final int getReadOuterSnapshotVersion() {
    return readOuterSnapshotVersion;
  }
}
