package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.util.RelativeClock;
import io.spate.api.util.SystemClock;
import java.io.Serializable;

/**
 * Creates a watermark generator per source split or parallel instance.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

  /** Creates a new generator for the input that {@code context} describes. */
  WatermarkGenerator<T> createWatermarkGenerator(Context context);

  /** What a new watermark generator may use: the metrics of its operator and a clock for idleness. */
  @Public
  interface Context {

    /** The metric group of the operator that runs the generator, to register its own metrics in. */
    MetricGroup getMetricGroup();

    /**
     * Milliseconds of processing time that count towards idleness: a source's clock stands still
     * while its reader is paused (by backpressure or watermark alignment), so a paused input is
     * not taken for an idle one. By default, the wall clock.
     */
    default RelativeClock getInputActivityClock() {
      return SystemClock.getInstance();
    }
  }
}
