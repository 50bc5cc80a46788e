package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that moves only when told to, for tests; one reading in nanoseconds serves the
 * absolute and the relative time. Safe to advance from one thread and read from others.
 */
@PublicEvolving
public final class ManualClock extends Clock {

  private final AtomicLong nanos;

  /** A clock at time 0. */
  public ManualClock() {
    this(0);
  }

  /** A clock at {@code startNanos} nanoseconds. */
  public ManualClock(long startNanos) {
    this.nanos = new AtomicLong(startNanos);
  }

  @Override
  public long absoluteTimeMillis() {
    return nanos.get() / 1_000_000;
  }

  @Override
  public long relativeTimeMillis() {
    return nanos.get() / 1_000_000;
  }

  @Override
  public long relativeTimeNanos() {
    return nanos.get();
  }

  /** Moves the clock forward (or back, for a negative duration) by {@code duration} {@code timeUnit}s. */
  public void advanceTime(long duration, TimeUnit timeUnit) {
    nanos.addAndGet(Objects.requireNonNull(timeUnit, "timeUnit").toNanos(duration));
  }

  /** Moves the clock forward (or back, for a negative duration) by {@code duration}. */
  public void advanceTime(Duration duration) {
    advanceTime(Objects.requireNonNull(duration, "duration").toNanos(), TimeUnit.NANOSECONDS);
  }
}
