package io.spate.api.windowing.assigners;

import java.time.Duration;

/** The argument checks and messages that the time window assigners share; messages name the assigner. */
final class AssignerArguments {

  private AssignerArguments() {}

  static long positive(String assigner, String what, Duration value) {
    if (value == null) {
      throw new IllegalArgumentException(assigner + ": the " + what + " must not be null.");
    }
    long millis = value.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException(assigner + ": the " + what + " must be positive, but was "
          + value.toMillis() + " ms.");
    }
    return millis;
  }

  static long offset(String assigner, Duration offset, long bound, String boundName) {
    if (offset == null) {
      throw new IllegalArgumentException(assigner + ": the offset must not be null.");
    }
    long millis = offset.toMillis();
    if (Math.abs(millis) >= bound) {
      throw new IllegalArgumentException(assigner + ": the offset must satisfy |offset| < " + boundName
          + ", but the offset was " + millis + " ms and the " + boundName + " " + bound + " ms.");
    }
    return millis;
  }

  static long slide(String assigner, long size, Duration slide) {
    long millis = positive(assigner, "slide", slide);
    if (millis > size) {
      throw new IllegalArgumentException(assigner + ": the slide (" + millis
          + " ms) must not be larger than the size (" + size + " ms).");
    }
    return millis;
  }

  /** {@code timestamp}, unless the record has none (event-time assigners need one). */
  static long checkTimestamp(String assigner, long timestamp) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(missingTimestamp(assigner));
    }
    return timestamp;
  }

  static String missingTimestamp(String assigner) {
    return assigner + " got a record without a timestamp: event-time windows need timestamps. Call "
        + "assignTimestampsAndWatermarks(...) before the window, use a source that sets timestamps, "
        + "or use a processing-time assigner.";
  }
}
