package io.spate.api.eventtime;

import java.time.Duration;

/** A strategy whose inputs turn idle after a timeout without records. */
final class WatermarkStrategyWithIdleness<T> extends DelegatingWatermarkStrategy<T> {

  private static final long serialVersionUID = 1L;

  private final Duration idleTimeout;

  WatermarkStrategyWithIdleness(WatermarkStrategy<T> base, Duration idleTimeout) {
    super(base);
    this.idleTimeout = idleTimeout;
  }

  @Override
  public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
    return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout,
        context.getInputActivityClock());
  }

  @Override
  public Duration getIdleTimeout() {
    return idleTimeout;
  }
}
