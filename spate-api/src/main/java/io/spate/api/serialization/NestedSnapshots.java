package io.spate.api.serialization;

import java.io.IOException;

/** Writes, reads, restores and compares the snapshots of the serializers nested in a composite one. */
final class NestedSnapshots {

  private NestedSnapshots() {}

  /** The snapshots of {@code serializers}, in order. */
  static TypeSerializerSnapshot<Object>[] of(TypeSerializer<?>[] serializers) {
    TypeSerializerSnapshot<Object>[] snapshots = newArray(serializers.length);
    for (int i = 0; i < serializers.length; i++) {
      snapshots[i] = cast(serializers[i].snapshotConfiguration());
    }
    return snapshots;
  }

  /** Reads one snapshot written by {@link TypeSerializerSnapshot#writeVersionedSnapshot}. */
  static TypeSerializerSnapshot<Object> read(DataInputView in, ClassLoader userClassLoader, String what)
      throws IOException {
    try {
      return TypeSerializerSnapshot.readVersionedSnapshot(in, userClassLoader);
    } catch (IOException e) {
      throw new IOException("Cannot read the serializer snapshot of " + what + ": " + e.getMessage(), e);
    }
  }

  /** The serializers restored from {@code snapshots}, in order. */
  @SuppressWarnings("unchecked")
  static TypeSerializer<Object>[] restore(TypeSerializerSnapshot<Object>[] snapshots) {
    TypeSerializer<Object>[] serializers = new TypeSerializer[snapshots.length];
    for (int i = 0; i < snapshots.length; i++) {
      serializers[i] = snapshots[i].restoreSerializer();
    }
    return serializers;
  }

  /**
   * The compatibility of each new serializer with its old snapshot, combined: incompatible if any is
   * (the message names the nested role), else after migration if any needs it, else as is.
   */
  static <T> TypeSerializerSchemaCompatibility<T> resolve(
      TypeSerializerSnapshot<Object>[] snapshots, TypeSerializer<?>[] newSerializers, String[] roles) {
    boolean migrate = false;
    for (int i = 0; i < snapshots.length; i++) {
      TypeSerializerSchemaCompatibility<Object> nested =
          snapshots[i].resolveSchemaCompatibility(NestedSnapshots.<TypeSerializer<Object>>cast(newSerializers[i]));
      if (nested.isIncompatible()) {
        return TypeSerializerSchemaCompatibility.incompatible(roles[i] + ": " + nested.message());
      }
      migrate |= nested.isCompatibleAfterMigration() || nested.isCompatibleWithReconfiguredSerializer();
    }
    return migrate
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.compatibleAsIs();
  }

  @SuppressWarnings("unchecked")
  static TypeSerializerSnapshot<Object>[] newArray(int length) {
    return new TypeSerializerSnapshot[length];
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
