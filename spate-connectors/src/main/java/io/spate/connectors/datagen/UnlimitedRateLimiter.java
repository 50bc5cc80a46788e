package io.spate.connectors.datagen;

/** Grants every permit at once. */
enum UnlimitedRateLimiter implements RateLimiter {
  INSTANCE;

  @Override
  public int tryAcquire(int wanted, long nowNanos) {
    return wanted;
  }

  @Override
  public long nanosUntilNextPermit(long nowNanos) {
    return 0;
  }
}
