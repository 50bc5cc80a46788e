package io.spate.api.common;

import io.spate.api.annotation.Public;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifies one submitted job. */
@Public
public record JobID(long upper, long lower) implements Serializable {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new random id. */
  public static JobID generate() {
    return new JobID(RANDOM.nextLong(), RANDOM.nextLong());
  }

  /** Parses the 32-hex-digit form produced by {@link #toString()}. */
  public static JobID fromHexString(String hex) {
    if (hex == null || hex.length() != 32 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalArgumentException("A job id is 32 hexadecimal digits, got: " + hex);
    }
    return new JobID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  // equals and hashCode are written out: a record's generated ones bootstrap method handles the first
  // time they run, and a job id is first hashed when its job is submitted, on the clock of the job's
  // start (tens of milliseconds in a fresh JVM, for the first record of all).
  @Override
  public boolean equals(Object o) {
    return o instanceof JobID other && upper == other.upper && lower == other.lower;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(upper) * 31 + Long.hashCode(lower);
  }

  /**
   * The 32 lowercase hexadecimal digits of the id. Not {@code String.format}: its format parser is a
   * regular expression, and ids are printed (thread names, file names) at a job's first checkpoint,
   * long after the JIT compiled the regular expressions of the job's own functions; a new kind of
   * pattern node seen then made it discard that code.
   */
  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(upper) + hex.toHexDigits(lower);
  }
}
