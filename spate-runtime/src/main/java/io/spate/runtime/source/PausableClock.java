package io.spate.runtime.source;

import java.util.function.LongSupplier;

/**
 * A processing-time clock that stands still while paused. Idleness of a source is measured on it,
 * so that a reader paused by watermark alignment does not turn idle merely for being paused.
 */
final class PausableClock implements LongSupplier {

  private final LongSupplier base;
  private long pausedTotal;
  private long pausedAt = -1;

  PausableClock(LongSupplier base) {
    this.base = base;
  }

  @Override
  public long getAsLong() {
    long now = base.getAsLong();
    return now - pausedTotal - (pausedAt >= 0 ? now - pausedAt : 0);
  }

  void pause() {
    if (pausedAt < 0) {
      pausedAt = base.getAsLong();
    }
  }

  void resume() {
    if (pausedAt >= 0) {
      pausedTotal += base.getAsLong() - pausedAt;
      pausedAt = -1;
    }
  }
}
