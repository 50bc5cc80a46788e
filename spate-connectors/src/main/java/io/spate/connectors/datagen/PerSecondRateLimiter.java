package io.spate.connectors.datagen;

/**
 * Permits due at a fixed rate: the k-th permit (counting from 0) falls due {@code k / rate} seconds
 * after the first request, so that by any time t at most {@code 1 + rate * t} permits were granted.
 * Permits that fell due long ago and were not taken (the reader was backpressured) are forfeited
 * beyond a short window, so that a stall is not followed by a burst.
 */
final class PerSecondRateLimiter implements RateLimiter {

  /** The catch-up window at high rates, where one batch lasts longer than this. */
  private static final double MAX_CATCH_UP_NANOS = 100_000_000;

  private final double intervalNanos;
  /**
   * Permits that fell due longer ago than this are forfeited: one batch's worth, at most 100 ms, but
   * at least one interval so that a caller woken up a little late keeps the full rate.
   */
  private final double catchUpNanos;
  private boolean started;
  private long startNanos;
  /** When the next permit falls due, in nanoseconds after {@link #startNanos}. */
  private double nextDue;

  PerSecondRateLimiter(double permitsPerSecond) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException("The rate must be positive and finite, but is " + permitsPerSecond);
    }
    this.intervalNanos = 1e9 / permitsPerSecond;
    this.catchUpNanos = Math.max(
        intervalNanos, Math.min(DataGeneratorSource.BATCH_SIZE * intervalNanos, MAX_CATCH_UP_NANOS));
  }

  @Override
  public int tryAcquire(int wanted, long nowNanos) {
    if (wanted <= 0) {
      return 0;
    }
    if (!started) {
      started = true;
      startNanos = nowNanos;
      nextDue = 0;
    }
    double elapsed = nowNanos - startNanos;
    if (elapsed < nextDue) {
      return 0;
    }
    if (nextDue < elapsed - catchUpNanos) {
      nextDue = elapsed - catchUpNanos;
    }
    double due = 1 + Math.floor((elapsed - nextDue) / intervalNanos);
    int granted = (int) Math.min(wanted, due);
    nextDue += granted * intervalNanos;
    return granted;
  }

  @Override
  public long nanosUntilNextPermit(long nowNanos) {
    if (!started) {
      return 0;
    }
    double wait = nextDue - (nowNanos - startNanos);
    return wait <= 0 ? 0 : (long) Math.ceil(wait);
  }

  @Override
  public String toString() {
    return "PerSecondRateLimiter(" + (1e9 / intervalNanos) + "/s)";
  }
}
