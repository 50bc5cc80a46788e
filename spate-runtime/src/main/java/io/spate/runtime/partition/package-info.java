/**
 * Partitioners that route each record to a downstream channel: forward, key group, round robin,
 * broadcast, shuffle and custom. Internal, like all of spate-runtime except {@code
 * io.spate.testing}.
 */
package io.spate.runtime.partition;
