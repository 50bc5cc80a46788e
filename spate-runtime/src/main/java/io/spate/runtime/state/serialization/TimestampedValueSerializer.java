package io.spate.runtime.state.serialization;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.windowing.evictors.TimestampedValue;
import java.io.IOException;

/** The evicting window operator's elements: the timestamp, then the value (of a learned type). */
public final class TimestampedValueSerializer extends TypeSerializer<TimestampedValue<Object>> {
  private static final long serialVersionUID = 1L;
  private final TypeSerializer<Object> values;

  /** A serializer that learns the element type from the first element. */
  public TimestampedValueSerializer() {
    this(new LearnedTypeSerializer<>("the window elements"));
  }

  private TimestampedValueSerializer(TypeSerializer<Object> values) {
    this.values = values;
  }

  @Override
  public void serialize(TimestampedValue<Object> value, DataOutputView target) throws IOException {
    target.writeLong(value.getTimestamp());
    values.serialize(value.getValue(), target);
  }

  @Override
  public TimestampedValue<Object> deserialize(DataInputView source) throws IOException {
    long timestamp = source.readLong();
    return new TimestampedValue<>(values.deserialize(source), timestamp);
  }

  @Override
  public TimestampedValue<Object> copy(TimestampedValue<Object> value) {
    return new TimestampedValue<>(values.copy(value.getValue()), value.getTimestamp());
  }

  @Override
  public TypeSerializer<TimestampedValue<Object>> duplicate() {
    return new TimestampedValueSerializer(values.duplicate());
  }

  @Override
  public TypeSerializerSnapshot<TimestampedValue<Object>> snapshotConfiguration() {
    return new Snapshot(values.snapshotConfiguration());
  }

  /** The snapshot: that of the element serializer. */
  public static final class Snapshot implements TypeSerializerSnapshot<TimestampedValue<Object>> {
    private TypeSerializerSnapshot<Object> values;

    /** For reading. */
    public Snapshot() {}

    Snapshot(TypeSerializerSnapshot<Object> values) {
      this.values = values;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, values);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
      if (readVersion != 1) {
        throw new IOException("Unknown version " + readVersion + " of a timestamped-value serializer snapshot");
      }
      values = TypeSerializerSnapshot.readVersionedSnapshot(in, userClassLoader);
    }

    @Override
    public TypeSerializer<TimestampedValue<Object>> restoreSerializer() {
      return new TimestampedValueSerializer(values.restoreSerializer());
    }

    @Override
    public TypeSerializerSchemaCompatibility<TimestampedValue<Object>> resolveSchemaCompatibility(
        TypeSerializer<TimestampedValue<Object>> newSerializer) {
      if (!(newSerializer instanceof TimestampedValueSerializer other)) {
        return TypeSerializerSchemaCompatibility.incompatible("the serializer changed from "
            + TimestampedValueSerializer.class.getName() + " to " + newSerializer.getClass().getName());
      }
      TypeSerializerSchemaCompatibility<Object> inner = values.resolveSchemaCompatibility(other.values);
      return switch (inner.kind()) {
        case COMPATIBLE_AS_IS -> TypeSerializerSchemaCompatibility.compatibleAsIs();
        case COMPATIBLE_AFTER_MIGRATION, COMPATIBLE_WITH_RECONFIGURED_SERIALIZER ->
            TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        case INCOMPATIBLE -> TypeSerializerSchemaCompatibility.incompatible(inner.message());
      };
    }
  }
}
