package io.spate.api.windowing.evictors;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes records from a window when it fires, before and/or after the window function runs;
 * records are removed through the iterator of {@code elements}.
 *
 * @param <T> the record type
 * @param <W> the window type
 */
@PublicEvolving
public interface Evictor<T, W extends Window> extends Serializable {

  /** Called before the window function with the window's {@code size} records. */
  void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

  /** Called after the window function with the records it saw. */
  void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

  /** What an evictor can read of the operator. */
  interface EvictorContext {
    /** The current processing time. */
    long getCurrentProcessingTime();

    /** The metric group of the window operator. */
    MetricGroup getMetricGroup();

    /** The current watermark. */
    long getCurrentWatermark();
  }
}
