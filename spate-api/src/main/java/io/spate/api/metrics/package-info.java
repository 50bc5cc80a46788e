/**
 * The metrics that user code registers: counters, gauges and the metric group of a function.
 * Public.
 */
package io.spate.api.metrics;
