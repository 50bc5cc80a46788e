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
    return parse(text, MemoryUnit.BYTES);
  }

  /**
   * Parses a size as {@link #parse(String)} does, reading a number without a unit in {@code
   * defaultUnit}.
   *
   * @throws IllegalArgumentException if the text is not such a size
   */
  public static MemorySize parse(String text, MemoryUnit defaultUnit) {
    if (text == null) {
      throw new IllegalArgumentException("A memory size must not be null.");
    }
    Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("Malformed memory size '" + text + "'.");
    }
    MemoryUnit unit = m.group(2).isEmpty() ? defaultUnit : MemoryUnit.of(m.group(2));
    if (unit == null) {
      throw new IllegalArgumentException("Unknown unit '" + m.group(2) + "' in memory size '" + text
          + "'; known units: " + MemoryUnit.getAllUnits() + ".");
    }
    int shift = Long.numberOfTrailingZeros(unit.getMultiplier());
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

  // ---------------------------------------------------------------- Flink's MemorySize methods

  /** No memory. */
  public static final MemorySize ZERO = new MemorySize(0L);

  /** The largest size there is. */
  public static final MemorySize MAX_VALUE = new MemorySize(Long.MAX_VALUE);

  /** The number of bytes {@code text} stands for, as {@link #parse(String)} reads it. */
  public static long parseBytes(String text) {
    return parse(text).getBytes();
  }

  /** The size in bytes. */
  public long getBytes() {
    return bytes;
  }

  /** The size in kibibytes, rounded down. */
  public long getKibiBytes() {
    return bytes >> 10;
  }

  /** The size in mebibytes, rounded down. */
  public int getMebiBytes() {
    return (int) (bytes >> 20);
  }

  /** The size in gibibytes, rounded down. */
  public long getGibiBytes() {
    return bytes >> 30;
  }

  /** The size in tebibytes, rounded down. */
  public long getTebiBytes() {
    return bytes >> 40;
  }

  /** The size in the largest unit it reaches, with up to three decimals, and in bytes: {@code 1.5 kb (1536 bytes)}. */
  public String toHumanReadableString() {
    MemoryUnit unit = MemoryUnit.BYTES;
    for (MemoryUnit candidate : MemoryUnit.values()) {
      if (bytes >= candidate.getMultiplier()) {
        unit = candidate;
      }
    }
    if (unit == MemoryUnit.BYTES) {
      return bytes + " bytes";
    }
    String amount = java.math.BigDecimal.valueOf(bytes)
        .divide(java.math.BigDecimal.valueOf(unit.getMultiplier()), 3, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
    return amount + " " + unit.getUnits()[1] + " (" + bytes + " bytes)";
  }

  /**
   * This size plus {@code that}.
   *
   * @throws ArithmeticException if the sum exceeds {@link #MAX_VALUE}
   */
  public MemorySize add(MemorySize that) {
    try {
      return new MemorySize(Math.addExact(bytes, that.bytes));
    } catch (ArithmeticException e) {
      throw new ArithmeticException("Adding " + that + " to " + this + " exceeds the largest memory size.");
    }
  }

  /**
   * This size minus {@code that}.
   *
   * @throws IllegalArgumentException if {@code that} is larger than this size
   */
  public MemorySize subtract(MemorySize that) {
    if (that.bytes > bytes) {
      throw new IllegalArgumentException("Cannot subtract " + that + " from " + this + ": a memory size must not"
          + " be negative.");
    }
    return new MemorySize(bytes - that.bytes);
  }

  /**
   * This size times {@code multiplier}, rounded down to whole bytes.
   *
   * @throws IllegalArgumentException if {@code multiplier} is negative or not a number, or the product
   *     exceeds {@link #MAX_VALUE}
   */
  public MemorySize multiply(double multiplier) {
    if (!(multiplier >= 0)) {
      throw new IllegalArgumentException("A memory size cannot be multiplied by " + multiplier
          + ": the multiplier must be a number of at least 0.");
    }
    double product = bytes * multiplier;
    if (product >= 0x1p63) {
      throw new IllegalArgumentException(this + " times " + multiplier + " exceeds the largest memory size.");
    }
    return new MemorySize((long) product);
  }

  /**
   * This size divided by {@code by}, rounded down.
   *
   * @throws IllegalArgumentException if {@code by} is not positive
   */
  public MemorySize divide(long by) {
    if (by <= 0) {
      throw new IllegalArgumentException("A memory size can only be divided by a positive number, not " + by + ".");
    }
    return new MemorySize(bytes / by);
  }

  /** A unit of memory sizes, with the names it is written as. */
  @PublicEvolving
  public enum MemoryUnit {
    /** Single bytes. */
    BYTES(0, "b", "bytes", "byte"),
    /** 1024 bytes. */
    KILO_BYTES(10, "k", "kb", "kib", "kibibytes"),
    /** 1024² bytes. */
    MEGA_BYTES(20, "m", "mb", "mib", "mebibytes"),
    /** 1024³ bytes. */
    GIGA_BYTES(30, "g", "gb", "gib", "gibibytes"),
    /** 1024⁴ bytes. */
    TERA_BYTES(40, "t", "tb", "tib", "tebibytes");

    private final long multiplier;
    private final String[] units;

    MemoryUnit(int shift, String... units) {
      this.multiplier = 1L << shift;
      this.units = units;
    }

    /** The names this unit is written as, in lower case. */
    public String[] getUnits() {
      return units.clone();
    }

    /** The number of bytes of one of this unit. */
    public long getMultiplier() {
      return multiplier;
    }

    /** Every unit's names, for messages: {@code (b | bytes | byte) / (k | kb | ...) / ...}. */
    public static String getAllUnits() {
      StringBuilder sb = new StringBuilder();
      for (MemoryUnit unit : values()) {
        sb.append(sb.length() == 0 ? "(" : " / (").append(String.join(" | ", unit.units)).append(')');
      }
      return sb.toString();
    }

    /** Whether {@code text} ends in a unit's name, such as {@code 64 mb} or {@code 1g}. */
    public static boolean hasUnit(String text) {
      Matcher m = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
      return m.matches() && !m.group(2).isEmpty();
    }

    static MemoryUnit of(String name) {
      for (MemoryUnit unit : values()) {
        for (String candidate : unit.units) {
          if (candidate.equals(name)) {
            return unit;
          }
        }
      }
      return null;
    }
  }
}
