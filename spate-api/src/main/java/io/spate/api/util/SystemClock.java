package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/** The {@link Clock} of the JVM: {@link System#currentTimeMillis()} and {@link System#nanoTime()}. */
@PublicEvolving
public final class SystemClock extends Clock {

  private static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  /** The one instance. */
  public static SystemClock getInstance() {
    return INSTANCE;
  }

  @Override
  public long absoluteTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public long relativeTimeMillis() {
    return System.nanoTime() / 1_000_000;
  }

  @Override
  public long relativeTimeNanos() {
    return System.nanoTime();
  }
}
