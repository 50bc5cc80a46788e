package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory in bytes, written in configuration as {@code 20 kb}, {@code 64mb}, {@code
 * 1 gb} or a plain number of bytes (units are powers of 1024).
 *
 * @param bytes the size in bytes, never negative
 */
@PublicEvolving
public record MemorySize(long bytes) implements Serializable, Comparable<MemorySize> {

  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([a-z]*)");
  private static final String[] UNITS = {"b", "kb", "mb", "gb", "tb"};

  /** Validates the size. */
  public MemorySize {
    if (bytes < 0) {
      throw new IllegalArgumentException("A memory size must not be negative: " + bytes + " bytes.");
    }
  }

  /** A size of {@code bytes} bytes. */
  public static MemorySize ofBytes(long bytes) {
    return new MemorySize(bytes);
  }

  /** A size of {@code kibibytes} times 1024 bytes. */
  public static MemorySize ofKibiBytes(long kibibytes) {
    return new MemorySize(Math.multiplyExact(kibibytes, 1024L));
  }

  /** A size of {@code mebibytes} times 1024² bytes. */
  public static MemorySize ofMebiBytes(long mebibytes) {
    return new MemorySize(Math.multiplyExact(mebibytes, 1024L * 1024L));
  }

  /**
   * Parses {@code 20 kb}, {@code 64m}, {@code 1 GB}, {@code 100 bytes} or {@code 4096}.
   *
   * @throws IllegalArgumentException if the text is not such a size
   */
  public static MemorySize parse(String text) {
    Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("Malformed memory size '" + text + "'.");
    }
    int shift = switch (m.group(2)) {
      case "", "b", "byte", "bytes" -> 0;
      case "k", "kb", "kib", "kibibytes" -> 10;
      case "m", "mb", "mib", "mebibytes" -> 20;
      case "g", "gb", "gib", "gibibytes" -> 30;
      case "t", "tb", "tib", "tebibytes" -> 40;
      default -> throw new IllegalArgumentException("Unknown unit '" + m.group(2) + "' in memory size '" + text + "'.");
    };
    try {
      long amount = Long.parseLong(m.group(1));
      if (amount > (Long.MAX_VALUE >> shift)) {
        throw new IllegalArgumentException("Memory size '" + text + "' is too large.");
      }
      return new MemorySize(amount << shift);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Memory size '" + text + "' is too large.");
    }
  }

  @Override
  public int compareTo(MemorySize other) {
    return Long.compare(bytes, other.bytes);
  }

  /** The size in the largest unit that divides it exactly, such as {@code 20 kb}; parses back. */
  @Override
  public String toString() {
    int unit = 0;
    long amount = bytes;
    while (unit < UNITS.length - 1 && amount != 0 && (amount & 1023) == 0) {
      amount >>= 10;
      unit++;
    }
    return amount + " " + UNITS[unit];
  }
}
