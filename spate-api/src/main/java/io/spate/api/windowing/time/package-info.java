/**
 * {@link io.spate.api.windowing.time.Time}, the size of a window, a slide, a gap or a lateness as
 * Flink programs write it; everything that takes one also takes a {@link java.time.Duration}.
 * Public.
 */
package io.spate.api.windowing.time;
