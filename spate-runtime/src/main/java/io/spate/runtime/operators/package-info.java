/**
 * The runtime's operators behind the DataStream API (process functions, joins, reduce, sinks,
 * timestamps and watermarks), the operator base that gives them state and timers, and the timer
 * services. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.operators;
