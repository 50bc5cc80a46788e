/**
 * The async I/O operator and its ordered and unordered result queues. Internal, like all of
 * spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.operators.async;
