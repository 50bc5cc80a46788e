package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** A clock that measures elapsed time only: its readings mean something relative to each other. */
@PublicEvolving
public interface RelativeClock {

  /** A monotonic reading in milliseconds. */
  long relativeTimeMillis();

  /** A monotonic reading in nanoseconds. */
  long relativeTimeNanos();
}
