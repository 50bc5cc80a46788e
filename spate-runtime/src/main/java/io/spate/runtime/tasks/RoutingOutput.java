package io.spate.runtime.tasks;

import io.spate.api.common.OutputTag;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.operators.Output;
import java.util.List;
import java.util.Map;

/**
 * The output of an operator with several consumers, or with side outputs: the main output goes to
 * every main consumer, each side output only to its own consumers, watermarks and statuses to all.
 * It counts the operator's records out once per record, whatever the number of consumers.
 */
final class RoutingOutput<T> implements Output<T>, WatermarkTracked {

  private final Output<T>[] main;
  private final Map<String, List<Output<Object>>> sideOutputs;
  private final Output<?>[] all;
  private final SimpleCounter recordsOut;
  private long lastWatermark = Long.MIN_VALUE;

  RoutingOutput(Output<T>[] main, Map<String, List<Output<Object>>> sideOutputs, Output<?>[] all,
      SimpleCounter recordsOut) {
    this.main = main;
    this.sideOutputs = sideOutputs;
    this.all = all;
    this.recordsOut = recordsOut;
  }

  @Override
  public void collect(T value, long timestamp) {
    recordsOut.inc();
    for (Output<T> output : main) {
      output.collect(value, timestamp);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    List<Output<Object>> consumers = sideOutputs.get(tag.getId());
    if (consumers != null) {
      recordsOut.inc();
      for (Output<Object> output : consumers) {
        output.collect(value, timestamp);
      }
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    lastWatermark = watermark;
    for (Output<?> output : all) {
      output.emitWatermark(watermark);
    }
  }

  @Override
  public long lastEmittedWatermark() {
    return lastWatermark;
  }

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {
    for (Output<?> output : all) {
      output.emitWatermarkStatus(status);
    }
  }
}
