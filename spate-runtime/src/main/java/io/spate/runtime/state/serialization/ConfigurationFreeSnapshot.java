package io.spate.runtime.state.serialization;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import java.io.IOException;

/**
 * The snapshot of a serializer that has no configuration: it writes nothing, restores the one
 * instance, and accepts a new serializer of the same class as it is.
 *
 * @param <T> the serialized type
 */
public abstract class ConfigurationFreeSnapshot<T> implements TypeSerializerSnapshot<T> {

  private final TypeSerializer<T> serializer;

  /** A snapshot of {@code serializer}. */
  protected ConfigurationFreeSnapshot(TypeSerializer<T> serializer) {
    this.serializer = serializer;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) {}

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
    if (readVersion != 1) {
      throw new IOException("Unknown version " + readVersion + " of " + getClass().getName());
    }
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return serializer;
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    return newSerializer.getClass() == serializer.getClass()
        ? TypeSerializerSchemaCompatibility.compatibleAsIs()
        : TypeSerializerSchemaCompatibility.incompatible("the serializer changed from "
            + serializer.getClass().getName() + " to " + newSerializer.getClass().getName());
  }
}
