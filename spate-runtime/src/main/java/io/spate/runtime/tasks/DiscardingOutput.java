package io.spate.runtime.tasks;

import io.spate.api.common.OutputTag;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.operators.Output;

/** The output of an operator whose results no one consumes: it only counts them as emitted. */
final class DiscardingOutput<T> implements Output<T>, WatermarkTracked {

  private final SimpleCounter recordsOut;
  private long lastWatermark = Long.MIN_VALUE;

  DiscardingOutput(SimpleCounter recordsOut) {
    this.recordsOut = recordsOut;
  }

  @Override
  public void collect(T value, long timestamp) {
    recordsOut.inc();
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

  @Override
  public void emitWatermark(long watermark) {
    lastWatermark = watermark;
  }

  @Override
  public long lastEmittedWatermark() {
    return lastWatermark;
  }

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {}
}
