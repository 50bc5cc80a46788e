package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.EOFException;
import java.io.IOException;

/**
 * The standard way to write a {@link SimpleVersionedSerializer} of one format version: subclasses
 * only {@link #write} and {@link #read} the fields, and this class rejects other versions, wraps an
 * {@link IllegalArgumentException} of {@link #read} as corrupt input and rejects trailing bytes.
 *
 * @param <T> the serialized type
 */
@PublicEvolving
public abstract class VersionedSerializer<T> implements SimpleVersionedSerializer<T> {

  private final String what;
  private final int version;

  /**
   * A serializer of {@code version}, whose errors call what it reads {@code what} (for example
   * "file source split").
   */
  protected VersionedSerializer(String what, int version) {
    this.what = what;
    this.version = version;
  }

  /** Writes the fields of {@code value}. */
  protected abstract void write(T value, DataOutputSerializer out) throws IOException;

  /** Reads what {@link #write} wrote; an {@link IllegalArgumentException} means corrupt input. */
  protected abstract T read(DataInputDeserializer in) throws IOException;

  @Override
  public final int getVersion() {
    return version;
  }

  @Override
  public final byte[] serialize(T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    write(value, out);
    return out.getCopyOfBuffer();
  }

  @Override
  public final T deserialize(int version, byte[] serialized) throws IOException {
    if (version != this.version) {
      throw new IOException(
          "Cannot read a " + what + " of format version " + version + ": this code reads version "
              + this.version + " only");
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    T value;
    try {
      value = read(in);
    } catch (IllegalArgumentException e) {
      throw new IOException("Corrupt " + what + ": " + e.getMessage(), e);
    }
    if (in.available() != 0) {
      throw new IOException("Corrupt " + what + ": " + in.available() + " unexpected trailing bytes");
    }
    return value;
  }

  /** Reads a length and rejects one that the remaining bytes cannot hold. */
  protected static int readLength(DataInputDeserializer in) throws IOException {
    int length = in.readVarInt();
    if (length < 0 || length > in.available()) {
      throw new EOFException(
          "Corrupt input: a length of " + length + " with " + in.available() + " bytes left");
    }
    return length;
  }
}
