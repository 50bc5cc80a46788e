/**
 * The runtime's provider of the built-in operators that need runtime internals (windows, async
 * I/O, interval joins, keyed reduce, timestamps and watermarks), found by the API through
 * ServiceLoader.
 */
package io.spate.runtime.operators.builtin;
