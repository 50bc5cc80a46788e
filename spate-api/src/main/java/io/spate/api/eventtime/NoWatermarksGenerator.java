package io.spate.api.eventtime;

import io.spate.api.annotation.Public;

/**
 * Emits no watermarks: the generator of {@link WatermarkStrategy#noWatermarks()}, for jobs in
 * processing time. An input whose generator is this one skips watermark tracking entirely.
 *
 * @param <T> the record type
 */
@Public
public final class NoWatermarksGenerator<T> implements WatermarkGenerator<T> {

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
