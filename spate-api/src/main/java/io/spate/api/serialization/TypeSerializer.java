package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values of one type into bytes and back. Used at process boundaries and in state snapshots;
 * inside one JVM records travel as object references.
 *
 * @param <T> the serialized type
 */
@PublicEvolving
public abstract class TypeSerializer<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Writes {@code value} (which may be null only where the serializer says so) to {@code target}. */
  public abstract void serialize(T value, DataOutputView target) throws IOException;

  /** Reads one value written by {@link #serialize}. */
  public abstract T deserialize(DataInputView source) throws IOException;

  /** A deep copy of {@code value}; immutable values may be returned as they are. */
  public abstract T copy(T value);

  /**
   * A serializer that can be used from another thread: this instance if it is stateless, else a new
   * one.
   */
  public abstract TypeSerializer<T> duplicate();

  /**
   * The configuration of this serializer that checkpoints and savepoints store with the state it
   * wrote, so that the state can be read after the job's code changed. By default the serializer
   * itself in Java serialization, which restores only while its class is unchanged; Spate's own
   * serializers override this, and those of POJOs, records and enums let their classes evolve.
   */
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new JavaSerializationSnapshot<>(this);
  }

  /**
   * Whether values of this type are deeply immutable, so that {@link #copy} returns its argument and
   * callers may share values instead of copying them.
   */
  public boolean isImmutableType() {
    return false;
  }

  // Flink's remaining serializer methods. Flink declares them abstract; here they have defaults
  // that hold for every serializer, so Spate's serializers override them only where they can do
  // better (a fixed length, an empty instance), and a serializer written for Flink compiles as is.

  /**
   * A new instance of the type, such as {@code 0}, an empty string, an empty collection or a POJO
   * made with its no-argument constructor; null where the type has none (the default).
   */
  public T createInstance() {
    return null;
  }

  /**
   * A copy of {@code from}. Flink's serializers may copy into {@code reuse} to save an allocation;
   * Spate's never do (records pass between operators as references), so this is {@link #copy(Object)}.
   */
  public T copy(T from, T reuse) {
    return copy(from);
  }

  /** The length in bytes of every serialized value if they all have the same, else -1 (the default). */
  public int getLength() {
    return -1;
  }

  /**
   * Reads one value written by {@link #serialize}; {@code reuse} is an instance the serializer may
   * fill instead of creating a new one, and Spate's serializers create a new one.
   */
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  /** Copies one serialized value from {@code source} to {@code target}, by reading and writing it. */
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  /**
   * Reads a length or count written with {@link DataOutputView#writeVarInt}, rejecting values that
   * only corrupt input can hold: negative ones and, where the source knows how much is left, ones
   * larger than the remaining bytes (every counted item takes at least one byte), so that corrupt
   * input fails fast instead of allocating a huge array.
   */
  protected static int readLength(DataInputView source) throws IOException {
    int length = source.readVarInt();
    if (length < 0) {
      throw new IOException("Corrupt input: negative length " + length);
    }
    if (source instanceof DataInputDeserializer in && length > in.available()) {
      throw new EOFException(
          "Unexpected end of input: a length of " + length + " with " + in.available() + " bytes left");
    }
    return length;
  }
}
