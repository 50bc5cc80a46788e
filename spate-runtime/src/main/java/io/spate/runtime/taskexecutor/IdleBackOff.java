package io.spate.runtime.taskexecutor;

import java.util.concurrent.TimeUnit;

/**
 * How long a worker whose tasklets all found nothing to do waits before it steps them again. It
 * parks at once: every tasklet that waits for another thread has that thread wake the worker, and
 * one that waits for a time names it, so a shorter wait only takes the CPU from the JVM's other
 * threads (on two cores a spinning worker slowed the busy one down). The first park is short, so a
 * signal some path forgets costs little, and later ones grow to a cap.
 */
final class IdleBackOff {

  /** Step the tasklets again at once. */
  static final long NOW = 0;
  /** Spin once, then step them again: the time a tasklet waits for is about to come. */
  static final long SPIN = -1;

  static final long FIRST_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long SPIN_BEFORE_DEADLINE_NANOS = TimeUnit.MICROSECONDS.toNanos(5);

  private IdleBackOff() {}

  /**
   * What a worker does after {@code idleRounds} rounds in a row without progress (0 after one with
   * progress), with the earliest time a tasklet asked to be stepped at {@code nanosToDeadline} from
   * now ({@link Long#MAX_VALUE} if none): {@link #NOW}, {@link #SPIN}, or park that many nanoseconds.
   */
  static long next(int idleRounds, long nanosToDeadline) {
    if (idleRounds == 0 || nanosToDeadline <= 0) {
      return NOW;
    }
    if (nanosToDeadline <= SPIN_BEFORE_DEADLINE_NANOS) {
      // a park comes back tens of microseconds late, never early
      return SPIN;
    }
    long park = FIRST_PARK_NANOS << Math.min(idleRounds - 1, 4);
    return Math.min(Math.min(park, MAX_PARK_NANOS), nanosToDeadline);
  }
}
