/**
 * Broadcast state and its read-only view. Internal, like all of spate-runtime except {@code
 * io.spate.testing}.
 */
package io.spate.runtime.state.broadcast;
