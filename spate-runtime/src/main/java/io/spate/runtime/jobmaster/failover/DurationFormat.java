package io.spate.runtime.jobmaster.failover;

/** Writes a number of milliseconds in the largest unit that divides it, for log lines. */
final class DurationFormat {

  private DurationFormat() {}

  static String of(long millis) {
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
