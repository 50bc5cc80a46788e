package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The snapshot of a serializer that has no configuration, so that one serializer of its class reads
 * what another wrote: it writes nothing, restores a serializer from a supplier, and answers that a
 * new serializer is compatible as is when its snapshot is of the same class.
 *
 * <p>A subclass has a public no-argument constructor that passes the supplier, such as {@code
 * super(MoneySerializer::new)}, so that a checkpoint can recreate it by its class name.
 *
 * @param <T> the serialized type
 */
@PublicEvolving
public abstract class SimpleTypeSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

  /** The version {@link #writeSnapshot} writes; it writes nothing, as Flink's version 3 does. */
  private static final int CURRENT_VERSION = 3;

  private final Supplier<? extends TypeSerializer<T>> serializerSupplier;

  /** Makes a snapshot whose {@link #restoreSerializer()} returns {@code serializerSupplier}'s serializer. */
  public SimpleTypeSerializerSnapshot(Supplier<? extends TypeSerializer<T>> serializerSupplier) {
    this.serializerSupplier = Objects.requireNonNull(serializerSupplier, "serializerSupplier");
  }

  @Override
  public int getCurrentVersion() {
    return CURRENT_VERSION;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    // A serializer without configuration has nothing to write.
  }

  /**
   * Reads nothing for the current version; rejects other versions, since Spate never wrote them.
   *
   * @throws IOException naming the snapshot class and the version
   */
  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
    if (readVersion != CURRENT_VERSION) {
      throw new IOException(
          "Corrupt serializer snapshot: " + getClass().getName() + " reads version " + CURRENT_VERSION
              + ", not " + readVersion);
    }
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return serializerSupplier.get();
  }

  /** Compatible as is when {@code oldSerializerSnapshot} is of this class, else incompatible. */
  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSerializerSnapshot) {
    if (oldSerializerSnapshot.getClass() == getClass()) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    return TypeSerializerSchemaCompatibility.incompatible(
        "the state was written by a serializer whose snapshot is a "
            + oldSerializerSnapshot.getClass().getName() + ", not a " + getClass().getName());
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return getClass().getName();
  }
}
