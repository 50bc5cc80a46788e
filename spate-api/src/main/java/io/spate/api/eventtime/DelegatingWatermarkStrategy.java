package io.spate.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/** A strategy that adds one thing to another and passes everything else on to it. */
abstract class DelegatingWatermarkStrategy<T> implements WatermarkStrategy<T> {

  private static final long serialVersionUID = 1L;

  final WatermarkStrategy<T> base;

  DelegatingWatermarkStrategy(WatermarkStrategy<T> base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  @Override
  public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
    return base.createWatermarkGenerator(context);
  }

  @Override
  public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
    return base.createTimestampAssigner(context);
  }

  @Override
  public WatermarkAlignmentParams getAlignmentParameters() {
    return base.getAlignmentParameters();
  }

  @Override
  public boolean isNoWatermarks() {
    return base.isNoWatermarks();
  }

  @Override
  public Duration getIdleTimeout() {
    return base.getIdleTimeout();
  }
}
