package io.spate.api.metrics.reporter;

/**
 * A {@link MetricReporter} that reports periodically: the registry calls {@link #report()} every
 * {@code metrics.reporter.<name>.interval} from its own thread.
 */
public interface Scheduled {

  /** Reports the current values of the metrics. */
  void report();
}
