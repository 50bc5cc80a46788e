package io.spate.api.functions;

import io.spate.api.annotation.Public;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.Watermark;

/**
 * The pre-{@code WatermarkStrategy} way to assign timestamps and watermarks, still accepted by
 * {@code DataStream.assignTimestampsAndWatermarks}: every auto-watermark interval ({@code
 * ExecutionConfig.setAutoWatermarkInterval}) the operator asks {@link #getCurrentWatermark()} and
 * emits the answer if it is higher than the last watermark emitted.
 *
 * @param <T> the record type
 * @deprecated implement a {@link io.spate.api.eventtime.WatermarkStrategy} instead, as in Flink.
 */
@Deprecated
@Public
public interface AssignerWithPeriodicWatermarks<T> extends TimestampAssigner<T> {

  /** The watermark now, or null for none yet. */
  Watermark getCurrentWatermark();
}
