package io.spate.table.runtime.expr.builtin;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flink's built-in string functions over non-NULL arguments ({@code LPAD}, {@code REPEAT}, {@code
 * LOCATE}, {@code TO_BASE64}, {@code MD5}, ...), with Flink's answers for the edge cases (negative
 * lengths, positions out of range, empty padding). Lengths and positions count characters (code
 * points), as {@code CHAR_LENGTH} does.
 */
@Internal
public final class StringBuiltIns {

  private StringBuiltIns() {}

  /** {@code LPAD}: {@code s} left-padded with {@code pad} to {@code length} characters, or cut to them; NULL for a negative length or an empty pad. */
  public static String lpad(String s, int length, String pad) {
    return pad(s, length, pad, true);
  }

  /** {@code RPAD}: {@code s} right-padded with {@code pad} to {@code length} characters, or cut to them; NULL for a negative length or an empty pad. */
  public static String rpad(String s, int length, String pad) {
    return pad(s, length, pad, false);
  }

  private static String pad(String s, int length, String pad, boolean left) {
    if (length < 0 || pad.isEmpty()) {
      return null;
    }
    int[] chars = s.codePoints().toArray();
    if (chars.length >= length) {
      return new String(chars, 0, length);
    }
    int[] padChars = pad.codePoints().toArray();
    int missing = length - chars.length;
    StringBuilder out = new StringBuilder();
    if (!left) {
      out.append(s);
    }
    for (int i = 0; i < missing; i++) {
      out.appendCodePoint(padChars[i % padChars.length]);
    }
    if (left) {
      out.append(s);
    }
    return out.toString();
  }

  /** {@code REPEAT}: {@code s} {@code times} times; empty for zero or fewer. */
  public static String repeat(String s, int times) {
    if (times <= 0 || s.isEmpty()) {
      return "";
    }
    if ((long) s.length() * times > Integer.MAX_VALUE - 8) {
      throw new TableException("REPEAT of a string of " + s.length() + " characters " + times
          + " times would be longer than a string can be");
    }
    return s.repeat(times);
  }

  /** {@code REVERSE}: the characters of {@code s} in reverse order. */
  public static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }

  /** {@code LEFT}: the first {@code n} characters of {@code s}; empty for a negative {@code n}. */
  public static String left(String s, int n) {
    int count = s.codePointCount(0, s.length());
    if (n <= 0) {
      return "";
    }
    return n >= count ? s : s.substring(0, s.offsetByCodePoints(0, n));
  }

  /** {@code RIGHT}: the last {@code n} characters of {@code s}; empty for a negative {@code n}. */
  public static String right(String s, int n) {
    int count = s.codePointCount(0, s.length());
    if (n <= 0) {
      return "";
    }
    return n >= count ? s : s.substring(s.offsetByCodePoints(0, count - n));
  }

  /**
   * {@code LOCATE(needle, haystack, from)}: the position (from 1) of the first {@code needle} in
   * {@code haystack} at or after position {@code from}; 0 if there is none or {@code from} is not a
   * position of {@code haystack}.
   */
  public static int locate(String needle, String haystack, int from) {
    int count = haystack.codePointCount(0, haystack.length());
    if (from < 1 || from > count + 1) {
      return 0;
    }
    int found = haystack.indexOf(needle, haystack.offsetByCodePoints(0, from - 1));
    return found < 0 ? 0 : haystack.codePointCount(0, found) + 1;
  }

  /** {@code CHR}: the character whose code is {@code code} modulo 256; empty for a negative code. */
  public static String chr(long code) {
    if (code < 0) {
      return "";
    }
    return String.valueOf((char) (code & 0xFF));
  }

  /** {@code HEX(integer)}: the two's complement of {@code value} in upper-case hexadecimal digits. */
  public static String hex(long value) {
    return Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
  }

  /** {@code HEX(string)}: the UTF-8 bytes of {@code s} in upper-case hexadecimal digits. */
  public static String hex(String s) {
    return HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code BIN}: the two's complement of {@code value} in binary digits. */
  public static String bin(long value) {
    return Long.toBinaryString(value);
  }

  /** {@code TO_BASE64}: the UTF-8 bytes of {@code s} in base64. */
  public static String toBase64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code FROM_BASE64}: the text whose UTF-8 bytes {@code s} encodes in base64; an error for text that is not base64. */
  public static String fromBase64(String s) {
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new TableException("FROM_BASE64 cannot decode '" + abbreviate(s) + "': " + e.getMessage());
    }
  }

  /** The digest of {@code s}'s UTF-8 bytes by {@code algorithm} ({@code MD5}, {@code SHA-1}, ...), in lower-case hexadecimal digits. */
  public static String digest(String algorithm, String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no " + algorithm + " digest", e);
    }
  }

  /** The digest algorithm {@code SHA2} uses for {@code bits}, or null for a length SHA-2 does not have. */
  public static String sha2Algorithm(int bits) {
    return switch (bits) {
      case 224, 256, 384, 512 -> "SHA-" + bits;
      default -> null;
    };
  }

  /**
   * {@code STR_TO_MAP}: {@code text} split into entries by the regular expression {@code entries},
   * each split into key and value at the first match of {@code keyValue}; a key without a value maps
   * to NULL, and a later key wins.
   */
  public static Map<String, String> strToMap(String text, Pattern entries, Pattern keyValue) {
    Map<String, String> map = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return map;
    }
    for (String entry : entries.split(text, -1)) {
      String[] pair = keyValue.split(entry, 2);
      map.put(pair[0], pair.length > 1 ? pair[1] : null);
    }
    return map;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
