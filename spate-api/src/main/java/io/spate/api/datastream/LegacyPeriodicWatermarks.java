package io.spate.api.datastream;

import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.TimestampAssignerSupplier;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkGeneratorSupplier;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AssignerWithPeriodicWatermarks;

/**
 * Runs a legacy periodic assigner as a strategy: the assigner extracts the timestamps, and on each
 * periodic emission its current watermark is emitted. The assigner is one object per parallel
 * instance (the strategy is copied for each), so both roles see the same state.
 */
@SuppressWarnings("deprecation")
final class LegacyPeriodicWatermarks<T> implements WatermarkStrategy<T> {

  private static final long serialVersionUID = 1L;

  private final AssignerWithPeriodicWatermarks<T> assigner;

  LegacyPeriodicWatermarks(AssignerWithPeriodicWatermarks<T> assigner) {
    this.assigner = assigner;
  }

  @Override
  public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
    return assigner;
  }

  @Override
  public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
    return new WatermarkGenerator<>() {
      @Override
      public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {
        Watermark watermark = assigner.getCurrentWatermark();
        if (watermark != null && watermark.timestamp() > Long.MIN_VALUE) {
          output.emitWatermark(watermark);
        }
      }
    };
  }
}
