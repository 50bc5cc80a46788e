/**
 * The window operators: general, evicting and slicing (for sliding and tumbling aggregations),
 * with merging window sets. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.operators.windowing;
