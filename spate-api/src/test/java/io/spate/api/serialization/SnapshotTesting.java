package io.spate.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes serializer snapshots to bytes and reads them back, as checkpoints and savepoints do. */
public final class SnapshotTesting {

  private SnapshotTesting() {}

  /** The bytes of {@code serializer}'s snapshot, written with its class and version. */
  public static byte[] snapshotBytes(TypeSerializer<?> serializer) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(64);
      TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
      return out.getCopyOfBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a snapshot from {@code bytes} with {@code userClassLoader}, checking that all were read. */
  public static <T> TypeSerializerSnapshot<T> readSnapshot(byte[] bytes, ClassLoader userClassLoader)
      throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    TypeSerializerSnapshot<T> snapshot = TypeSerializerSnapshot.readVersionedSnapshot(in, userClassLoader);
    assertThat(in.available()).as("snapshot bytes left unread").isZero();
    return snapshot;
  }

  /** The snapshot of {@code serializer} after a trip through bytes, read with the test class loader. */
  public static <T> TypeSerializerSnapshot<T> snapshotRoundTrip(TypeSerializer<T> serializer) {
    try {
      return readSnapshot(snapshotBytes(serializer), SnapshotTesting.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one value from {@code bytes} with {@code serializer}, checking that all were read. */
  public static <T> T deserializeAll(TypeSerializer<T> serializer, byte[] bytes) {
    try {
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      T value = serializer.deserialize(in);
      assertThat(in.available()).as("bytes left after deserializing").isZero();
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The snapshot of {@code serializer} after a trip through bytes, read with {@code userClassLoader}. */
  public static <T> TypeSerializerSnapshot<T> snapshotRoundTrip(
      TypeSerializer<T> serializer, ClassLoader userClassLoader) {
    try {
      return readSnapshot(snapshotBytes(serializer), userClassLoader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
