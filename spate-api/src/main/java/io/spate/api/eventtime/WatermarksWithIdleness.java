package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import io.spate.api.util.PaddedLong;
import io.spate.api.util.RelativeClock;
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
  // Counting events keeps the clock out of the per-record path; the clock is read per period. The
  // count is written for every record: on cache lines of its own, away from other subtasks' fields.
  private final PaddedLong events = new PaddedLong();
  private long eventsAtLastCheck;
  private long quietSince;
  private boolean idle;

  /** Wraps {@code watermarks}, measuring idleness on the wall clock. */
  public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout) {
    this(watermarks, idleTimeout, System::currentTimeMillis);
  }

  /** Flink's form: idleness measured on {@code clock}, such as the context's input activity clock. */
  public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, RelativeClock clock) {
    this(watermarks, idleTimeout, relativeMillis(clock));
  }

  private static LongSupplier relativeMillis(RelativeClock clock) {
    if (clock == null) {
      throw new NullPointerException("WatermarksWithIdleness: the clock must not be null.");
    }
    return clock::relativeTimeMillis;
  }

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
    events.increment();
    if (idle) {
      idle = false;
      output.markActive();
    }
    watermarks.onEvent(event, eventTimestamp, output);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long now = clock.getAsLong();
    if (events.get() != eventsAtLastCheck) {
      eventsAtLastCheck = events.get();
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
