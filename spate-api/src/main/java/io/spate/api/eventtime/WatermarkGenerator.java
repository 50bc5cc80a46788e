package io.spate.api.eventtime;

import io.spate.api.annotation.Public;

/**
 * Generates watermarks from the records it sees (punctuated) and/or periodically.
 *
 * @param <T> the record type
 */
@Public
public interface WatermarkGenerator<T> {

  /** Called for every record; may emit a watermark right away. */
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  /**
   * Called every auto-watermark interval, and also when the source has read all its input for now
   * (at most once per millisecond), so that a caught-up source need not wait for the interval; may
   * emit a watermark.
   */
  void onPeriodicEmit(WatermarkOutput output);
}
