package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

/** String helpers of Flink's API: hex, arrays as text, control characters, random strings, and strings in binary form. */
@PublicEvolving
public final class StringUtils {

  /** An empty array of strings. */
  public static final String[] EMPTY_STRING_ARRAY = new String[0];

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private StringUtils() {}

  /** The lower-case hex digits of {@code bytes[start..end)}. */
  public static String byteToHexString(byte[] bytes, int start, int end) {
    if (bytes == null) {
      throw new IllegalArgumentException("bytes == null");
    }
    Objects.checkFromToIndex(start, end, bytes.length);
    char[] out = new char[(end - start) * 2];
    for (int i = start, j = 0; i < end; i++) {
      out[j++] = HEX[(bytes[i] >> 4) & 0x0F];
      out[j++] = HEX[bytes[i] & 0x0F];
    }
    return new String(out);
  }

  /** The lower-case hex digits of {@code bytes}. */
  public static String byteToHexString(byte[] bytes) {
    return byteToHexString(bytes, 0, bytes == null ? 0 : bytes.length);
  }

  /** The bytes that the pairs of hex digits of {@code hex} stand for. */
  public static byte[] hexStringToByte(String hex) {
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("A hex string needs an even number of digits, but '" + hex + "' has "
          + hex.length());
    }
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = Character.digit(hex.charAt(2 * i), 16);
      int low = Character.digit(hex.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException("'" + hex + "' is not a hex string: position " + 2 * i + " or "
            + (2 * i + 1) + " is not a hex digit");
      }
      bytes[i] = (byte) ((high << 4) | low);
    }
    return bytes;
  }

  /** {@code o} as text; arrays (also nested ones) show their elements. */
  public static String arrayAwareToString(Object o) {
    if (o == null) {
      return "null";
    }
    if (o.getClass().isArray()) {
      String deep = Arrays.deepToString(new Object[] {o});
      return deep.substring(1, deep.length() - 1);
    }
    return o.toString();
  }

  /** {@code str} with the control characters backspace, tab, newline, form feed and carriage return escaped as in Java source. */
  public static String showControlCharacters(String str) {
    StringBuilder out = new StringBuilder(str.length() + 8);
    for (int i = 0; i < str.length(); i++) {
      char ch = str.charAt(i);
      switch (ch) {
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** A string of {@code minLength} to {@code maxLength} random characters (any but {@code \0}). */
  public static String getRandomString(Random rnd, int minLength, int maxLength) {
    return getRandomString(rnd, minLength, maxLength, (char) 1, (char) 0x7fff);
  }

  /** A string of {@code minLength} to {@code maxLength} random characters from {@code minValue} to {@code maxValue}. */
  public static String getRandomString(Random rnd, int minLength, int maxLength, char minValue, char maxValue) {
    if (minLength < 0 || maxLength < minLength || maxValue < minValue) {
      throw new IllegalArgumentException("Random string: need 0 <= minLength <= maxLength and minValue <= maxValue,"
          + " but got lengths " + minLength + ".." + maxLength + " and values " + (int) minValue + ".."
          + (int) maxValue);
    }
    int length = rnd.nextInt(maxLength - minLength + 1) + minLength;
    int range = maxValue - minValue + 1;
    char[] data = new char[length];
    for (int i = 0; i < length; i++) {
      data[i] = (char) (rnd.nextInt(range) + minValue);
    }
    return new String(data);
  }

  /** A string of {@code length} random letters and digits. */
  public static String generateRandomAlphanumericString(Random rnd, int length) {
    char[] data = new char[length];
    for (int i = 0; i < length; i++) {
      data[i] = ALPHANUMERIC.charAt(rnd.nextInt(ALPHANUMERIC.length()));
    }
    return new String(data);
  }

  /**
   * Writes {@code str} (which may be null) so that {@link #readString} reads it back: its length,
   * then each char in 7-bit groups (one byte for ASCII), so that every char survives, unpaired
   * surrogates included.
   */
  public static void writeString(String str, DataOutputView out) throws IOException {
    if (str == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(str.length());
    for (int i = 0; i < str.length(); i++) {
      int c = str.charAt(i);
      while (c >= 0x80) {
        out.writeByte(c & 0x7F | 0x80);
        c >>>= 7;
      }
      out.writeByte(c);
    }
  }

  /** Reads a string that {@link #writeString} wrote. */
  public static String readString(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    if (length < -1) {
      throw new IOException("Corrupt string: its length is " + length);
    }
    StringBuilder out = new StringBuilder(Math.min(length, 1 << 16));
    for (int i = 0; i < length; i++) {
      int c = 0;
      int shift = 0;
      int b;
      do {
        b = in.readUnsignedByte();
        c |= (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0 && shift < 21);
      if ((b & 0x80) != 0 || c > Character.MAX_VALUE) {
        throw new IOException("Corrupt string: char " + i + " of " + length + " is not a valid encoded char");
      }
      out.append((char) c);
    }
    return out.toString();
  }

  /** Writes {@code str}, which may be null, with a flag saying whether it is. */
  public static void writeNullableString(String str, DataOutputView out) throws IOException {
    out.writeBoolean(str != null);
    if (str != null) {
      writeString(str, out);
    }
  }

  /** Reads a string that {@link #writeNullableString} wrote. */
  public static String readNullableString(DataInputView in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  /** Whether {@code str} is null, empty, or whitespace only. */
  public static boolean isNullOrWhitespaceOnly(String str) {
    if (str == null || str.isEmpty()) {
      return true;
    }
    for (int i = 0; i < str.length(); i++) {
      if (!Character.isWhitespace(str.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** "{@code s1} and {@code s2}", or the one of them that is not null (null if both are). */
  public static String concatenateWithAnd(String s1, String s2) {
    if (s1 == null) {
      return s2;
    }
    return s2 == null ? s1 : s1 + " and " + s2;
  }

  /** The non-null {@code values} in lower case, joined by commas, in one pair of double quotes. */
  public static String toQuotedListString(Object[] values) {
    return Arrays.stream(values)
        .filter(Objects::nonNull)
        .map(v -> v.toString().toLowerCase())
        .collect(Collectors.joining(", ", "\"", "\""));
  }
}
