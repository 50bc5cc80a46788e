package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link DataOutputView} that writes into a growable byte array, big-endian like {@link
 * java.io.DataOutputStream}. Reuse one instance with {@link #clear()} to avoid allocating per value.
 * Not thread-safe.
 */
@Internal
public final class DataOutputSerializer implements DataOutputView {

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** Some JVMs refuse arrays of exactly Integer.MAX_VALUE elements. */
  private static final int MAX_BUFFER_SIZE = Integer.MAX_VALUE - 8;

  byte[] buffer;
  int position;

  /** Creates a serializer with a small initial buffer. */
  public DataOutputSerializer() {
    this(64);
  }

  /** Creates a serializer whose buffer starts at {@code initialSize} bytes. */
  public DataOutputSerializer(int initialSize) {
    if (initialSize < 1) {
      throw new IllegalArgumentException("initialSize must be positive, was " + initialSize);
    }
    this.buffer = new byte[initialSize];
  }

  /** The number of bytes written since creation or the last {@link #clear()}. */
  public int length() {
    return position;
  }

  /** Forgets the written bytes, keeping the buffer for reuse. */
  public void clear() {
    position = 0;
  }

  /** A new array holding exactly the written bytes. */
  public byte[] getCopyOfBuffer() {
    return Arrays.copyOf(buffer, position);
  }

  /**
   * The internal buffer, of which the first {@link #length()} bytes are valid. It is replaced when
   * the buffer grows and overwritten after {@link #clear()}; use it only to hand the bytes on
   * without copying.
   */
  public byte[] getSharedBuffer() {
    return buffer;
  }

  /** A {@link ByteBuffer} view of the written bytes, sharing the internal buffer. */
  public ByteBuffer wrapAsByteBuffer() {
    return ByteBuffer.wrap(buffer, 0, position);
  }

  /** Makes room for {@code bytes} more bytes after the current position. */
  void ensureCapacity(int bytes) throws IOException {
    if (bytes > buffer.length - position) {
      long needed = (long) position + bytes;
      if (needed > MAX_BUFFER_SIZE) {
        throw new IOException(
            "Serialized data would exceed the maximum buffer size of " + MAX_BUFFER_SIZE + " bytes");
      }
      long doubled = Math.min(MAX_BUFFER_SIZE, 2L * buffer.length);
      buffer = Arrays.copyOf(buffer, (int) Math.max(needed, doubled));
    }
  }

  @Override
  public void write(int b) throws IOException {
    ensureCapacity(1);
    buffer[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureCapacity(len);
    System.arraycopy(b, off, buffer, position, len);
    position += len;
  }

  @Override
  public void writeBoolean(boolean v) throws IOException {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) throws IOException {
    write(v);
  }

  @Override
  public void writeShort(int v) throws IOException {
    ensureCapacity(2);
    SHORT.set(buffer, position, (short) v);
    position += 2;
  }

  @Override
  public void writeChar(int v) throws IOException {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) throws IOException {
    ensureCapacity(4);
    INT.set(buffer, position, v);
    position += 4;
  }

  @Override
  public void writeLong(long v) throws IOException {
    ensureCapacity(8);
    LONG.set(buffer, position, v);
    position += 8;
  }

  @Override
  public void writeFloat(float v) throws IOException {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) throws IOException {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) throws IOException {
    int len = s.length();
    ensureCapacity(len);
    for (int i = 0; i < len; i++) {
      buffer[position++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) throws IOException {
    int len = s.length();
    ensureCapacity(2 * len);
    for (int i = 0; i < len; i++) {
      SHORT.set(buffer, position, (short) s.charAt(i));
      position += 2;
    }
  }

  /**
   * Writes {@code s} in the modified UTF-8 of {@link java.io.DataOutput#writeUTF}: a two-byte length
   * and at most 65535 bytes. Longer strings are rejected as that contract demands; serializers
   * write strings with {@link StringSerializer}, which has no such limit.
   */
  @Override
  public void writeUTF(String s) throws IOException {
    int len = s.length();
    long encoded = 0;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      encoded += (c >= 0x0001 && c < 0x0080) ? 1 : (c < 0x0800 ? 2 : 3);
    }
    if (encoded > 65535) {
      throw new UTFDataFormatException(
          "String too long for writeUTF: " + encoded + " encoded bytes, the limit is 65535");
    }
    ensureCapacity(2 + (int) encoded);
    SHORT.set(buffer, position, (short) encoded);
    int p = position + 2;
    byte[] buf = buffer;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x0001 && c < 0x0080) {
        buf[p++] = (byte) c;
      } else if (c < 0x0800) {
        buf[p++] = (byte) (0xC0 | (c >> 6));
        buf[p++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buf[p++] = (byte) (0xE0 | (c >> 12));
        buf[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    position = p;
  }

  @Override
  public void writeVarInt(int value) throws IOException {
    ensureCapacity(5);
    byte[] buf = buffer;
    int p = position;
    while ((value & ~0x7F) != 0) {
      buf[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[p++] = (byte) value;
    position = p;
  }

  @Override
  public String toString() {
    return "DataOutputSerializer(" + position + " bytes)";
  }
}
