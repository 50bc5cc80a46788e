/**
 * Asynchronous I/O: {@link io.spate.api.functions.async.AsyncFunction}, its result future and
 * retry strategies, for {@code AsyncDataStream}. Public-evolving.
 */
package io.spate.api.functions.async;
