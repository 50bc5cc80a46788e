/**
 * The reduce functions behind {@code sum}, {@code min}, {@code max}, {@code minBy} and {@code
 * maxBy} on keyed and windowed streams. Internal: call those methods instead.
 */
package io.spate.api.datastream.aggregation;
