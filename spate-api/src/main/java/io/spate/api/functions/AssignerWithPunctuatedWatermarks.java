package io.spate.api.functions;

import io.spate.api.annotation.Public;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.Watermark;

/**
 * The pre-{@code WatermarkStrategy} way to emit a watermark from particular records, still accepted
 * by {@code DataStream.assignTimestampsAndWatermarks}: after each record's timestamp is extracted,
 * the operator asks {@link #checkAndGetNextWatermark} and emits the answer right away if it is
 * higher than the last watermark emitted.
 *
 * @param <T> the record type
 * @deprecated implement a {@link io.spate.api.eventtime.WatermarkStrategy} instead, as in Flink.
 */
@Deprecated
@Public
public interface AssignerWithPunctuatedWatermarks<T> extends TimestampAssigner<T> {

  /** The watermark that {@code lastElement} (with its timestamp just extracted) calls for, or null for none. */
  Watermark checkAndGetNextWatermark(T lastElement, long extractedTimestamp);
}
