package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serializes {@link String} values of any length exactly, lone surrogates included.
 *
 * <p>The format is the number of UTF-16 chars as a variable-length integer, then each char in one
 * byte (below 0x80), two bytes (below 0x800) or three bytes. Encoding chars one by one rather than
 * code points keeps malformed strings intact, which standard UTF-8 would replace with '?'.
 */
@Internal
public final class StringSerializer extends ImmutableValueSerializer<String> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final StringSerializer INSTANCE = new StringSerializer();

  /** Above this many chars the worst-case size of the encoding could overflow an int. */
  private static final int MAX_FAST_PATH_CHARS = (Integer.MAX_VALUE - 16) / 3;

  private StringSerializer() {}

  @Override
  public void serialize(String value, DataOutputView target) throws IOException {
    writeString(value, target);
  }

  @Override
  public String deserialize(DataInputView source) throws IOException {
    return readString(source);
  }

  /** Writes {@code value} in this serializer's format. */
  public static void writeString(String value, DataOutputView target) throws IOException {
    int length = value.length();
    target.writeVarInt(length);
    if (target instanceof DataOutputSerializer out && length <= MAX_FAST_PATH_CHARS) {
      out.ensureCapacity(3 * length);
      byte[] buf = out.buffer;
      int p = out.position;
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c < 0x80) {
          buf[p++] = (byte) c;
        } else if (c < 0x800) {
          buf[p++] = (byte) (0xC0 | (c >> 6));
          buf[p++] = (byte) (0x80 | (c & 0x3F));
        } else {
          buf[p++] = (byte) (0xE0 | (c >> 12));
          buf[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[p++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      out.position = p;
      return;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        target.write(c);
      } else if (c < 0x800) {
        target.write(0xC0 | (c >> 6));
        target.write(0x80 | (c & 0x3F));
      } else {
        target.write(0xE0 | (c >> 12));
        target.write(0x80 | ((c >> 6) & 0x3F));
        target.write(0x80 | (c & 0x3F));
      }
    }
  }

  /** Reads a string written by {@link #writeString}. */
  public static String readString(DataInputView source) throws IOException {
    int length = readLength(source);
    if (source instanceof DataInputDeserializer in) {
      return readString(in, length);
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      int b = source.readUnsignedByte();
      if (b < 0x80) {
        chars[i] = (char) b;
      } else if ((b & 0xE0) == 0xC0) {
        chars[i] = (char) (((b & 0x1F) << 6) | continuation(source.readUnsignedByte()));
      } else if ((b & 0xF0) == 0xE0) {
        int second = continuation(source.readUnsignedByte());
        chars[i] = (char) (((b & 0x0F) << 12) | (second << 6) | continuation(source.readUnsignedByte()));
      } else {
        throw corrupt(b);
      }
    }
    return new String(chars);
  }

  private static String readString(DataInputDeserializer in, int length) throws IOException {
    byte[] buf = in.buffer;
    int p = in.position;
    int end = in.end;
    if (length > end - p) {
      throw new EOFException(
          "Unexpected end of input: a string of " + length + " chars, " + (end - p) + " bytes left");
    }
    int asciiEnd = p + length;
    int q = p;
    while (q < asciiEnd && buf[q] >= 0) {
      q++;
    }
    if (q == asciiEnd) {
      in.position = asciiEnd;
      return new String(buf, p, length, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[length];
    int i = 0;
    for (; p < q; p++) {
      chars[i++] = (char) buf[p];
    }
    for (; i < length; i++) {
      if (p >= end) {
        throw new EOFException("Unexpected end of input inside a string");
      }
      int b = buf[p++] & 0xFF;
      if (b < 0x80) {
        chars[i] = (char) b;
      } else if ((b & 0xE0) == 0xC0) {
        if (p >= end) {
          throw new EOFException("Unexpected end of input inside a string");
        }
        chars[i] = (char) (((b & 0x1F) << 6) | continuation(buf[p++] & 0xFF));
      } else if ((b & 0xF0) == 0xE0) {
        if (p + 1 >= end) {
          throw new EOFException("Unexpected end of input inside a string");
        }
        int second = continuation(buf[p++] & 0xFF);
        chars[i] = (char) (((b & 0x0F) << 12) | (second << 6) | continuation(buf[p++] & 0xFF));
      } else {
        throw corrupt(b);
      }
    }
    in.position = p;
    return new String(chars);
  }

  private static int continuation(int b) throws IOException {
    if ((b & 0xC0) != 0x80) {
      throw corrupt(b);
    }
    return b & 0x3F;
  }

  private static IOException corrupt(int b) {
    return new IOException(
        "Corrupt input: byte 0x" + Integer.toHexString(b) + " cannot occur in a serialized string");
  }

  @Override
  public String createInstance() {
    return "";
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
