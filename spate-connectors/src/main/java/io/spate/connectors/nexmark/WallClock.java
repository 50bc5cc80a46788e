package io.spate.connectors.nexmark;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Places a wall-clock instant on the {@link System#nanoTime()} scale, so that a schedule or a
 * measurement defined in wall-clock time can be kept with the monotonic clock.
 */
public final class WallClock {

  /** How far apart two {@code nanoTime} readings around a wall-clock reading may lie. */
  static final long BRACKET_NANOS = 5_000;
  /** How often the clocks are read at most for a bracket that tight; the last reading counts otherwise. */
  static final int MAX_READINGS = 100;

  private WallClock() {}

  /**
   * The {@link System#nanoTime()} at which the wall clock read {@code epochMillis}. The wall clock
   * is read to the microsecond or finer, between two readings of {@code nanoTime}, and again if they
   * lie more than {@value #BRACKET_NANOS} ns apart: the first {@code Instant.now()} of a JVM loads
   * classes, and a thread preempted between the two clocks would misplace the instant by as long.
   */
  public static long nanoTimeAt(long epochMillis) {
    return nanoTimeAt(epochMillis, System::nanoTime, Instant::now);
  }

  /** {@link #nanoTimeAt(long)} with the clocks given: {@code nanoClock} for {@code nanoTime}, {@code wallClock} for the wall clock. */
  static long nanoTimeAt(long epochMillis, LongSupplier nanoClock, Supplier<Instant> wallClock) {
    long before;
    Instant wall;
    long after;
    int readings = 1;
    while (true) {
      before = nanoClock.getAsLong();
      wall = wallClock.get();
      after = nanoClock.getAsLong();
      if (after - before <= BRACKET_NANOS || readings++ >= MAX_READINGS) {
        break;
      }
    }
    return nanoTimeAt(epochMillis, before + (after - before) / 2, wall);
  }

  /** The {@link System#nanoTime()} at which the wall clock read {@code epochMillis}, given {@code nowNanos} and {@code nowWall} read together. */
  static long nanoTimeAt(long epochMillis, long nowNanos, Instant nowWall) {
    return nowNanos - Duration.between(Instant.ofEpochMilli(epochMillis), nowWall).toNanos();
  }
}
