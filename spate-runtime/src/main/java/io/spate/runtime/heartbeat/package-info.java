/**
 * Heartbeats between cluster processes and the monitor that declares a silent peer lost. Internal,
 * like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.heartbeat;
