package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;

/**
 * What a {@link TypeSerializer} writes into a checkpoint or savepoint about itself, so that state can
 * be read back after the job's code changed: it restores a serializer that reads the old bytes, and
 * decides whether the serializer of the new code can read them as they are, after a migration, or
 * not at all.
 *
 * <p>Implementations have a public no-argument constructor; {@link #readSnapshot} fills them in.
 *
 * @param <T> the serialized type
 */
@PublicEvolving
public interface TypeSerializerSnapshot<T> {

  /** The version of the format {@link #writeSnapshot} writes. */
  int getCurrentVersion();

  /** Writes the serializer's configuration. */
  void writeSnapshot(DataOutputView out) throws IOException;

  /** Reads a configuration written by {@link #writeSnapshot} in format {@code readVersion}. */
  void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException;

  /**
   * A serializer that reads bytes written by the serializer this snapshot was taken of; for a type
   * whose class changed since (a POJO or record that gained or lost fields), it reads the old layout
   * into instances of the class as it is now.
   */
  TypeSerializer<T> restoreSerializer();

  /**
   * Whether {@code newSerializer} can read what the snapshotted serializer wrote. This is the question
   * Spate asks the restored snapshot; a snapshot written for Flink 1.19 or later may answer the other
   * form instead, {@link #resolveSchemaCompatibility(TypeSerializerSnapshot)}, which this default asks
   * on the new serializer's snapshot. A snapshot class must override one of the two.
   */
  default TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    return SnapshotCompatibilityForms.askNewSnapshot(this, newSerializer);
  }

  /**
   * Flink's form of the question, asked on the snapshot of the new serializer: whether the new
   * serializer can read what the serializer of {@code oldSerializerSnapshot} wrote. By default it asks
   * {@code oldSerializerSnapshot} about {@link #restoreSerializer()}, the new serializer.
   */
  default TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSerializerSnapshot) {
    return SnapshotCompatibilityForms.askOldSnapshot(oldSerializerSnapshot, this);
  }

  /** Writes {@code snapshot} with its class and version, for {@link #readVersionedSnapshot}. */
  static void writeVersionedSnapshot(DataOutputView out, TypeSerializerSnapshot<?> snapshot) throws IOException {
    out.writeUTF(snapshot.getClass().getName());
    out.writeVarInt(snapshot.getCurrentVersion());
    snapshot.writeSnapshot(out);
  }

  /** Reads a snapshot written by {@link #writeVersionedSnapshot}. */
  @SuppressWarnings("unchecked")
  static <T> TypeSerializerSnapshot<T> readVersionedSnapshot(DataInputView in, ClassLoader userClassLoader)
      throws IOException {
    String className;
    int version;
    try {
      className = in.readUTF();
      version = in.readVarInt();
    } catch (IOException e) {
      throw new IOException(
          "Corrupt serializer snapshot: cannot read its class name and version: " + e.getMessage(), e);
    }
    TypeSerializerSnapshot<T> snapshot;
    try {
      // Not initialized before it is known to be a snapshot class: the name comes from the input.
      Class<?> type = Class.forName(className, false, userClassLoader);
      if (!TypeSerializerSnapshot.class.isAssignableFrom(type)) {
        throw new IOException("Corrupt serializer snapshot: " + className + " is not a TypeSerializerSnapshot");
      }
      snapshot = (TypeSerializerSnapshot<T>) type.getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IOException("The serializer snapshot class " + className + " is not on the class path", e);
    } catch (ReflectiveOperationException e) {
      throw new IOException("Cannot instantiate the serializer snapshot class " + className
          + " (it needs a public no-argument constructor)", e);
    }
    snapshot.readSnapshot(version, in, userClassLoader);
    return snapshot;
  }
}
