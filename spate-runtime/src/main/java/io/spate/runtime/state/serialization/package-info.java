/**
 * Serializers of the runtime's own state: namespaces, windows, timestamped values. Internal, like
 * all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.state.serialization;
