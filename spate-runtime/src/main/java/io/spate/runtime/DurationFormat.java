package io.spate.runtime;

/**
 * Writes a number of milliseconds in the largest unit that divides it (h, min, s, ms), a form the
 * configuration parses back: for log lines and the configuration reference.
 */
public final class DurationFormat {

  private DurationFormat() {}

  /** {@code millis} in the largest unit that divides it. */
  public static String of(long millis) {
    if (millis != 0 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + " h";
    }
    if (millis != 0 && millis % 60_000 == 0) {
      return millis / 60_000 + " min";
    }
    if (millis != 0 && millis % 1_000 == 0) {
      return millis / 1_000 + " s";
    }
    return millis + " ms";
  }
}
