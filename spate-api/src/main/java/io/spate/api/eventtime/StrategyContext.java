package io.spate.api.eventtime;

import io.spate.api.annotation.Internal;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.api.util.RelativeClock;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the runtime hands a {@link WatermarkStrategy} when it creates the assigner and generators of
 * one parallel instance: the operator's metric group and the clock that idleness is measured on.
 * Internal.
 *
 * @param metricGroup the metric group of the operator
 * @param inputActivityClock processing time in milliseconds, standing still while the input is paused
 */
@Internal
public record StrategyContext(MetricGroup metricGroup, LongSupplier inputActivityClock)
    implements WatermarkGeneratorSupplier.Context, TimestampAssignerSupplier.Context {

  /** Checks the arguments. */
  public StrategyContext {
    Objects.requireNonNull(metricGroup, "metricGroup");
    Objects.requireNonNull(inputActivityClock, "inputActivityClock");
  }

  /** A context without metrics, measuring idleness on {@code clock}. */
  public static StrategyContext unregistered(LongSupplier clock) {
    return new StrategyContext(new UnregisteredMetricsGroup(), clock);
  }

  @Override
  public MetricGroup getMetricGroup() {
    return metricGroup;
  }

  @Override
  public RelativeClock getInputActivityClock() {
    return new RelativeClock() {
      @Override
      public long relativeTimeMillis() {
        return inputActivityClock.getAsLong();
      }

      @Override
      public long relativeTimeNanos() {
        return inputActivityClock.getAsLong() * 1_000_000L;
      }
    };
  }
}
