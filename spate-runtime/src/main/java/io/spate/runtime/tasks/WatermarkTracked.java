package io.spate.runtime.tasks;

/**
 * An operator's output that remembers the last watermark it passed on, for the operator's
 * {@code currentOutputWatermark} (and its chained consumer's {@code currentInputWatermark}). The task's
 * thread writes it once per watermark; reporters read it, a recent value.
 */
interface WatermarkTracked {

  /** The last watermark emitted through this output, {@code Long.MIN_VALUE} before the first. */
  long lastEmittedWatermark();
}
