/**
 * The Prometheus reporter: an HTTP endpoint per process that Prometheus scrapes, with metrics named
 * by their logical scope and their variables as labels, as Flink's reporter does.
 */
package io.spate.metrics.prometheus;
