package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A {@link DataInputView} that reads from a byte array or {@link ByteBuffer}, big-endian like {@link
 * java.io.DataInputStream}. Point it at new data with {@code setBuffer} to reuse it. Not
 * thread-safe.
 */
@Internal
public final class DataInputDeserializer implements DataInputView {

  private static final byte[] EMPTY = new byte[0];
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  byte[] buffer;
  int position;
  int end;

  /** Creates a deserializer with nothing to read; call {@code setBuffer} before reading. */
  public DataInputDeserializer() {
    setBuffer(EMPTY);
  }

  /** Creates a deserializer reading all of {@code data}. */
  public DataInputDeserializer(byte[] data) {
    setBuffer(data);
  }

  /** Creates a deserializer reading {@code length} bytes of {@code data} from {@code offset}. */
  public DataInputDeserializer(byte[] data, int offset, int length) {
    setBuffer(data, offset, length);
  }

  /** Creates a deserializer reading the remaining bytes of {@code data}. */
  public DataInputDeserializer(ByteBuffer data) {
    setBuffer(data);
  }

  /** Reads all of {@code data} next, without copying it. */
  public void setBuffer(byte[] data) {
    setBuffer(data, 0, data.length);
  }

  /** Reads {@code length} bytes of {@code data} from {@code offset} next, without copying them. */
  public void setBuffer(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    this.buffer = data;
    this.position = offset;
    this.end = offset + length;
  }

  /**
   * Reads the remaining bytes of {@code data} next. The buffer's own position is not changed. A
   * heap buffer is read in place; a direct or read-only buffer is copied.
   */
  public void setBuffer(ByteBuffer data) {
    if (data.hasArray()) {
      setBuffer(data.array(), data.arrayOffset() + data.position(), data.remaining());
    } else {
      byte[] copy = new byte[data.remaining()];
      data.duplicate().get(copy);
      setBuffer(copy);
    }
  }

  /** The number of bytes left to read. */
  public int available() {
    return end - position;
  }

  private void require(int bytes) throws EOFException {
    if (bytes > end - position) {
      throw new EOFException(
          "Unexpected end of input: needed " + bytes + " bytes, " + (end - position) + " left");
    }
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    require(len);
    System.arraycopy(buffer, position, b, off, len);
    position += len;
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    require(1);
    return buffer[position++];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    require(2);
    short v = (short) SHORT.get(buffer, position);
    position += 2;
    return v;
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readShort();
  }

  @Override
  public int readInt() throws IOException {
    require(4);
    int v = (int) INT.get(buffer, position);
    position += 4;
    return v;
  }

  @Override
  public long readLong() throws IOException {
    require(8);
    long v = (long) LONG.get(buffer, position);
    position += 8;
    return v;
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /**
   * Reads bytes up to a line terminator ({@code \n}, {@code \r} or {@code \r\n}) as Latin-1
   * characters, as {@link java.io.DataInput#readLine} specifies; null at the end of input.
   */
  @Override
  public String readLine() {
    if (position >= end) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    while (position < end) {
      int c = buffer[position++] & 0xFF;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (position < end && buffer[position] == '\n') {
          position++;
        }
        break;
      }
      line.append((char) c);
    }
    return line.toString();
  }

  /** Reads a string written by {@link java.io.DataOutput#writeUTF} (modified UTF-8). */
  @Override
  public String readUTF() throws IOException {
    int length = readUnsignedShort();
    require(length);
    byte[] buf = buffer;
    int p = position;
    int limit = p + length;
    char[] chars = new char[length];
    int count = 0;
    while (p < limit) {
      int b = buf[p] & 0xFF;
      if (b < 0x80) {
        chars[count++] = (char) b;
        p++;
      } else if ((b & 0xE0) == 0xC0) {
        if (p + 2 > limit || (buf[p + 1] & 0xC0) != 0x80) {
          throw new UTFDataFormatException("Malformed input around byte " + (p - position));
        }
        chars[count++] = (char) (((b & 0x1F) << 6) | (buf[p + 1] & 0x3F));
        p += 2;
      } else if ((b & 0xF0) == 0xE0) {
        if (p + 3 > limit || (buf[p + 1] & 0xC0) != 0x80 || (buf[p + 2] & 0xC0) != 0x80) {
          throw new UTFDataFormatException("Malformed input around byte " + (p - position));
        }
        chars[count++] =
            (char) (((b & 0x0F) << 12) | ((buf[p + 1] & 0x3F) << 6) | (buf[p + 2] & 0x3F));
        p += 3;
      } else {
        throw new UTFDataFormatException("Malformed input around byte " + (p - position));
      }
    }
    position = limit;
    return new String(chars, 0, count);
  }

  @Override
  public int readVarInt() throws IOException {
    byte[] buf = buffer;
    int p = position;
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (p >= end) {
        throw new EOFException("Unexpected end of input inside a variable-length integer");
      }
      byte b = buf[p++];
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        position = p;
        return result;
      }
    }
    throw new IOException("Corrupt input: a variable-length integer is longer than 5 bytes");
  }

  @Override
  public String toString() {
    return "DataInputDeserializer(" + available() + " bytes left)";
  }
}
