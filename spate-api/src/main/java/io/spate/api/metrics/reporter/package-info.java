/**
 * The metric reporter SPI: {@link io.spate.api.metrics.reporter.MetricReporter} implementations,
 * created by a {@link io.spate.api.metrics.reporter.MetricReporterFactory} found through ServiceLoader
 * and chosen with {@code metrics.reporters}, receive every metric the runtime and user code register.
 * Public-evolving.
 */
package io.spate.api.metrics.reporter;
