/**
 * Keyed and operator state backends as the runtime drives them: key groups and their assignment,
 * backend factories found through {@link java.util.ServiceLoader}, and snapshottable timers.
 * Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.state;
