/**
 * The windows themselves: {@link io.spate.api.windowing.windows.TimeWindow} and {@link
 * io.spate.api.windowing.windows.GlobalWindow}. Public-evolving.
 */
package io.spate.api.windowing.windows;
