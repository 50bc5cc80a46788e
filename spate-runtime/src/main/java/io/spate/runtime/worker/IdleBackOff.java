package io.spate.runtime.worker;

import java.util.concurrent.TimeUnit;

/**
 * How long a worker whose tasklets all found nothing to do waits before it steps them again. It
 * parks at once: every tasklet that waits for another thread has that thread wake the worker, and
 * one that waits for a time names it, so a shorter wait only takes the CPU from the JVM's other
 * threads (on two cores a spinning worker slowed the busy one down). The first park is short, so a
 * signal some path forgets costs little, and later ones grow to a cap.
 *
 * <p>A park comes back late, never early: on Linux by the kernel's timer slack (50 us for a normal
 * thread) and the wake-up, 70 to 100 us in all on a small virtual machine. So a worker waiting for a
 * time wakes that much ahead of it and spins the rest, but spins at most an eighth of its idle
 * spell, so that a tasklet that waits for a time every few microseconds does not keep it busy.
 */
final class IdleBackOff {

  /** Step the tasklets again at once. */
  static final long NOW = 0;
  /** Spin once, then step them again: the time a tasklet waits for is about to come. */
  static final long SPIN = -1;

  static final long FIRST_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** A deadline this close is always spun for. */
  static final long MIN_SPIN_AHEAD_NANOS = TimeUnit.MICROSECONDS.toNanos(5);
  /** A deadline is never spun for longer than this. */
  static final long MAX_SPIN_AHEAD_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  /** The share of an idle spell, from its start to the deadline, that a worker may spin. */
  static final int SPIN_SHARE_DIVISOR = 8;

  private IdleBackOff() {}

  /**
   * What a worker does after {@code idleRounds} rounds in a row without progress (0 after one with
   * progress), idle for {@code idleNanos} since the first of them, with the earliest time a tasklet
   * asked to be stepped at {@code nanosToDeadline} from now ({@link Long#MAX_VALUE} if none): {@link
   * #NOW}, {@link #SPIN}, or park that many nanoseconds.
   */
  static long next(int idleRounds, long nanosToDeadline, long idleNanos) {
    if (idleRounds == 0 || nanosToDeadline <= 0) {
      return NOW;
    }
    long spinAhead = spinAhead(nanosToDeadline, idleNanos);
    if (nanosToDeadline <= spinAhead) {
      return SPIN;
    }
    long park = FIRST_PARK_NANOS << Math.min(idleRounds - 1, 4);
    return Math.min(Math.min(park, MAX_PARK_NANOS), nanosToDeadline - spinAhead);
  }

  /** How long before a deadline {@code nanosToDeadline} away, idle for {@code idleNanos}, the worker spins. */
  static long spinAhead(long nanosToDeadline, long idleNanos) {
    if (nanosToDeadline == Long.MAX_VALUE) {
      return 0;
    }
    long spell = Math.max(0, idleNanos) + nanosToDeadline;
    return Math.max(MIN_SPIN_AHEAD_NANOS, Math.min(MAX_SPIN_AHEAD_NANOS, spell / SPIN_SHARE_DIVISOR));
  }
}
