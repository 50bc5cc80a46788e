/**
 * The metric registry of a JobManager or TaskManager process: reporters chosen by configuration,
 * scope formats, the JVM's own metrics. Internal, like all of spate-runtime except
 * {@code io.spate.testing}.
 */
package io.spate.runtime.metrics;
