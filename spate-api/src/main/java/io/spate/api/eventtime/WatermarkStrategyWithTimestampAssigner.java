package io.spate.api.eventtime;

/** A strategy whose records get their timestamps from the assigners of a supplier. */
final class WatermarkStrategyWithTimestampAssigner<T> extends DelegatingWatermarkStrategy<T> {

  private static final long serialVersionUID = 1L;

  private final TimestampAssignerSupplier<T> assigners;

  WatermarkStrategyWithTimestampAssigner(WatermarkStrategy<T> base, TimestampAssignerSupplier<T> assigners) {
    super(base);
    this.assigners = assigners;
  }

  @Override
  public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
    return assigners.createTimestampAssigner(context);
  }
}
