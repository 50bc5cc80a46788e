package io.spate.api.windowing.triggers;

import java.time.Duration;

/** The check of the interval of the continuous triggers. */
final class ContinuousIntervals {

  private ContinuousIntervals() {}

  static long check(String trigger, Duration interval) {
    if (interval == null || interval.toMillis() <= 0) {
      throw new IllegalArgumentException(trigger + ": the interval must be positive, but was "
          + (interval == null ? "null" : interval.toMillis() + " ms") + ".");
    }
    return interval.toMillis();
  }
}
