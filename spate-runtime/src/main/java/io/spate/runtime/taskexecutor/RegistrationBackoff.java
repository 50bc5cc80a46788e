package io.spate.runtime.taskexecutor;

/**
 * The waits between attempts to register with the ResourceManager: doubling from a first wait up to
 * a longest one, and back to the first once a registration succeeds.
 */
final class RegistrationBackoff {

  private final long initialMillis;
  private final long maxMillis;
  private long nextMillis;

  RegistrationBackoff(long initialMillis, long maxMillis) {
    if (initialMillis < 1 || maxMillis < initialMillis) {
      throw new IllegalArgumentException("Backoff from " + initialMillis + " ms to " + maxMillis + " ms");
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
    this.nextMillis = initialMillis;
  }

  /** The wait before the next attempt; each call doubles the one after, up to the longest. */
  long nextDelayMillis() {
    long delay = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return delay;
  }

  /** Starts again from the first wait. */
  void reset() {
    nextMillis = initialMillis;
  }
}
