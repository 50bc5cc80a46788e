/**
 * Metric reporters that ship with Spate: {@link io.spate.metrics.prometheus.PrometheusReporter} (a
 * scrape endpoint), {@link io.spate.metrics.jmx.JMXReporter} (MBeans) and
 * {@link io.spate.metrics.slf4j.Slf4jReporter} (the log), each with a factory registered for the
 * ServiceLoader and chosen with {@code metrics.reporter.<name>.type} or {@code .factory.class}. This
 * package holds what they share: the per-reporter scope options and metric filters.
 */
package io.spate.metrics;
