package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a watermark generator so that its output turns idle after a period of processing time
 * without events, and active again with the next event. Idleness is checked on the periodic
 * emission, so it needs a positive auto-watermark interval.
 *
 * @param <T> the record type
 */
@Public
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {

  private final WatermarkGenerator<T> watermarks;
  private final LongSupplier clock;
  private final long timeoutMillis;
  // Counting events keeps the clock out of the per-record path; the clock is read per period.
  private long events;
  private long eventsAtLastCheck;
  private long quietSince;
  private boolean idle;

  /** Wraps {@code watermarks}; {@code clock} gives processing time in milliseconds. */
  public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, LongSupplier clock) {
    if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("The idleness timeout must be positive, got " + idleTimeout);
    }
    this.watermarks = watermarks;
    this.clock = clock;
    this.timeoutMillis = idleTimeout.toMillis();
    this.quietSince = clock.getAsLong();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    events++;
    if (idle) {
      idle = false;
      output.markActive();
    }
    watermarks.onEvent(event, eventTimestamp, output);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long now = clock.getAsLong();
    if (events != eventsAtLastCheck) {
      eventsAtLastCheck = events;
      quietSince = now;
    } else if (!idle && now - quietSince >= timeoutMillis) {
      idle = true;
      output.markIdle();
    }
    if (!idle) {
      watermarks.onPeriodicEmit(output);
    }
  }
}
