package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;

/**
 * Reads the current time and sets timers for the current key. Timers are deduplicated: there is at
 * most one per key and timestamp in each time domain.
 */
@PublicEvolving
public interface TimerService {

  /** The current wall-clock time in milliseconds. */
  long currentProcessingTime();

  /** The operator's current event-time watermark ({@code Long.MIN_VALUE} before the first). */
  long currentWatermark();

  /** Sets a timer that fires when the processing time reaches {@code time}. */
  void registerProcessingTimeTimer(long time);

  /** Sets a timer that fires when the watermark reaches {@code time}. */
  void registerEventTimeTimer(long time);

  /** Removes a processing-time timer; does nothing if there is none. */
  void deleteProcessingTimeTimer(long time);

  /** Removes an event-time timer; does nothing if there is none. */
  void deleteEventTimeTimer(long time);
}
