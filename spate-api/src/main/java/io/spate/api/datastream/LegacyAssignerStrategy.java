package io.spate.api.datastream;

import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.TimestampAssignerSupplier;
import io.spate.api.eventtime.WatermarkStrategy;

/**
 * A strategy that runs a legacy assigner, which both extracts the timestamps and says the
 * watermarks. The assigner is one object per parallel instance (the strategy is copied for each),
 * so both roles see the same state.
 */
abstract class LegacyAssignerStrategy<T, A extends TimestampAssigner<T>> implements WatermarkStrategy<T> {

  private static final long serialVersionUID = 1L;

  final A assigner;

  LegacyAssignerStrategy(A assigner) {
    this.assigner = assigner;
  }

  @Override
  public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
    return assigner;
  }
}
