package io.spate.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Round-trips values through serializers, over both the fast byte-array views and plain streams. */
public final class SerializationTesting {

  private SerializationTesting() {}

  /**
   * Serializes {@code value} into a {@link DataOutputSerializer} and through a plain stream (which
   * takes the serializers' generic paths), checks that both give the same bytes, reads both back,
   * checks that all input was consumed, and returns the value read from the byte-array view.
   */
  public static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(8);
      serializer.serialize(value, out);
      byte[] fast = out.getCopyOfBuffer();

      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      serializer.serialize(value, new StreamOutputView(new DataOutputStream(bytes)));
      assertThat(bytes.toByteArray()).as("bytes written through a plain stream").isEqualTo(fast);

      DataInputDeserializer in = new DataInputDeserializer(fast);
      T result = serializer.deserialize(in);
      assertThat(in.available()).as("bytes left after deserializing").isZero();

      StreamInputView streamIn = new StreamInputView(new ByteArrayInputStream(fast));
      T streamResult = serializer.deserialize(streamIn);
      assertThat(streamResult).usingRecursiveComparison().isEqualTo(result);
      assertThat(streamIn.remaining()).as("bytes left in the stream").isZero();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes {@code serializer} writes for {@code value}. */
  public static <T> byte[] bytesOf(TypeSerializer<T> serializer, T value) {
    try {
      DataOutputSerializer out = new DataOutputSerializer();
      serializer.serialize(value, out);
      return out.getCopyOfBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code object} after a trip through Java serialization, as the runtime ships it. */
  @SuppressWarnings("unchecked")
  public static <T> T javaSerialized(T object) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A {@link DataOutputView} over a {@link DataOutputStream}, to exercise the generic paths. */
  public static final class StreamOutputView extends DataOutputStream implements DataOutputView {
    public StreamOutputView(DataOutputStream out) {
      super(out);
    }
  }

  /** A {@link DataInputView} over an input stream, to exercise the generic paths. */
  public static final class StreamInputView extends DataInputStream implements DataInputView {
    private final ByteArrayInputStream source;

    public StreamInputView(ByteArrayInputStream source) {
      super(source);
      this.source = source;
    }

    int remaining() {
      return source.available();
    }
  }
}
