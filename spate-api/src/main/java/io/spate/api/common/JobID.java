package io.spate.api.common;

import java.io.Serializable;
import java.security.SecureRandom;

/** Identifies one submitted job. */
public record JobID(long upper, long lower) implements Serializable {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new random id. */
  public static JobID generate() {
    return new JobID(RANDOM.nextLong(), RANDOM.nextLong());
  }

  /** Parses the 32-hex-digit form produced by {@link #toString()}. */
  public static JobID fromHexString(String hex) {
    if (hex == null || !hex.matches("[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException("A job id is 32 hexadecimal digits, got: " + hex);
    }
    return new JobID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  @Override
  public String toString() {
    return String.format("%016x%016x", upper, lower);
  }
}
