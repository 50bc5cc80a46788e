package io.spate.runtime.rpc;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A value kept in its Java-serialized form until the receiver has the class loader it needs (a
 * job graph holding user functions waits for the job's jar). Reading it always goes through a filter.
 *
 * @param <T> the type of the value
 */
public final class SerializedValue<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final byte[] bytes;

  private SerializedValue(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Serializes {@code value}.
   *
   * @throws IOException when it, or something it holds, cannot be serialized
   */
  public static <T> SerializedValue<T> of(T value) throws IOException {
    return new SerializedValue<>(ClusterSerialization.serialize(value));
  }

  /** Wraps bytes that already hold a serialized value. */
  public static <T> SerializedValue<T> fromBytes(byte[] bytes) {
    return new SerializedValue<>(bytes.clone());
  }

  /**
   * Reads the value with classes from {@code loader}, each checked by {@code filter} (for user code,
   * {@link ClusterObjectFilter#withUserClassLoader}).
   *
   * @throws IOException when the filter rejects the value (naming the class) or the bytes are malformed
   * @throws ClassNotFoundException when {@code loader} lacks a class of the value
   */
  @SuppressWarnings("unchecked")
  public T deserialize(ClassLoader loader, ObjectInputFilter filter) throws IOException, ClassNotFoundException {
    return (T) ClusterSerialization.deserialize(bytes, loader, filter);
  }

  /** The number of serialized bytes. */
  public int size() {
    return bytes.length;
  }

  /** A copy of the serialized bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerializedValue<?> other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SerializedValue(" + bytes.length + " bytes)";
  }
}
