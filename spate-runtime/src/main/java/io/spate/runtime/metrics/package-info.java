/**
 * The metrics of a task and the counters behind them. Internal, like all of spate-runtime except
 * {@code io.spate.testing}.
 */
package io.spate.runtime.metrics;
