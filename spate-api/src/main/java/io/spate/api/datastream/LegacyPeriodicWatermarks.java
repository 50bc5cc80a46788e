package io.spate.api.datastream;

import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkGeneratorSupplier;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.functions.AssignerWithPeriodicWatermarks;

/** Runs a legacy periodic assigner: on each periodic emission its current watermark is emitted. */
@SuppressWarnings("deprecation")
final class LegacyPeriodicWatermarks<T> extends LegacyAssignerStrategy<T, AssignerWithPeriodicWatermarks<T>> {

  private static final long serialVersionUID = 1L;

  LegacyPeriodicWatermarks(AssignerWithPeriodicWatermarks<T> assigner) {
    super(assigner);
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
