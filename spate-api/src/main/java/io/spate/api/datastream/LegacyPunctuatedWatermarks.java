package io.spate.api.datastream;

import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkGeneratorSupplier;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.functions.AssignerWithPunctuatedWatermarks;

/** Runs a legacy punctuated assigner: after each record, the watermark it asks for, if any, is emitted at once. */
@SuppressWarnings("deprecation")
final class LegacyPunctuatedWatermarks<T>
    extends LegacyAssignerStrategy<T, AssignerWithPunctuatedWatermarks<T>> {

  private static final long serialVersionUID = 1L;

  LegacyPunctuatedWatermarks(AssignerWithPunctuatedWatermarks<T> assigner) {
    super(assigner);
  }

  @Override
  public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
    return new WatermarkGenerator<>() {
      @Override
      public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        Watermark watermark = assigner.checkAndGetNextWatermark(event, eventTimestamp);
        if (watermark != null && watermark.timestamp() > Long.MIN_VALUE) {
          output.emitWatermark(watermark);
        }
      }

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {}
    };
  }
}
