package io.spate.api.metrics.reporter;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;

/**
 * Hands metrics to a system outside Spate (a log, Prometheus, JMX...). The registry tells a reporter
 * of every metric added and removed, from the thread that added or removed it, one notification at
 * a time; a reporter that also implements {@link Scheduled} is asked to report periodically from the
 * registry's own thread, concurrently with notifications, so it must guard what both touch. An
 * exception thrown by a reporter is logged and never reaches the job.
 */
@PublicEvolving
public interface MetricReporter {

  /** Called once, before any notification, with the reporter's options. */
  void open(MetricConfig config);

  /** Called once when the registry shuts down; no calls follow. */
  void close();

  /** {@code metric} was registered as {@code metricName} in {@code group}. */
  void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group);

  /** {@code metric}, registered as {@code metricName} in {@code group}, was removed (its group closed). */
  void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group);
}
