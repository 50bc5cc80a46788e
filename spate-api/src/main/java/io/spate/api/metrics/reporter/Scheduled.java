package io.spate.api.metrics.reporter;

import io.spate.api.annotation.PublicEvolving;

/**
 * A {@link MetricReporter} that reports periodically: the registry calls {@link #report()} every
 * {@code metrics.reporter.<name>.interval} from its own thread.
 */
@PublicEvolving
public interface Scheduled {

  /** Reports the current values of the metrics. */
  void report();
}
