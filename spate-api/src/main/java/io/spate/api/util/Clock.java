package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * A source of time, so that code that reads the time can be given a {@link ManualClock} in tests:
 * the wall-clock time, and a monotonic time for measuring durations.
 */
@PublicEvolving
public abstract class Clock implements RelativeClock {

  /** The wall-clock time in milliseconds since the epoch. */
  public abstract long absoluteTimeMillis();

  @Override
  public abstract long relativeTimeMillis();

  @Override
  public abstract long relativeTimeNanos();
}
