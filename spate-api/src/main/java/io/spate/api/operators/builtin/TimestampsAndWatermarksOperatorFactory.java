package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.eventtime.WatermarkStrategy;

/** The operator of {@code assignTimestampsAndWatermarks}: assigns timestamps, generates watermarks. Internal. */
@Internal
public record TimestampsAndWatermarksOperatorFactory<T>(WatermarkStrategy<T> strategy)
    implements RuntimeOperatorFactory<T> {}
