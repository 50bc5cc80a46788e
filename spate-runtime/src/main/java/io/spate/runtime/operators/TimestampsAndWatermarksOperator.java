package io.spate.runtime.operators;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;

/**
 * Runs {@code assignTimestampsAndWatermarks}: assigns each record its timestamp, feeds the watermark
 * generator, and asks it for a watermark every auto-watermark interval. Watermarks from upstream
 * are dropped, except the final one that ends the input.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T>, WatermarkOutput {

  private final WatermarkStrategy<T> strategy;
  private TimestampAssigner<T> assigner;
  private WatermarkGenerator<T> generator;
  private long lastEmitted = Long.MIN_VALUE;
  private long interval;
  private boolean emitWatermarks;

  /** Creates the operator. */
  public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
    super(null);
    this.strategy = strategy;
  }

  @Override
  public void open() throws Exception {
    super.open();
    assigner = strategy.getTimestampAssigner();
    generator = strategy.createWatermarkGenerator();
    emitWatermarks = context.runtimeMode() == RuntimeExecutionMode.STREAMING;
    interval = context.executionConfig().getAutoWatermarkInterval().toMillis();
    if (emitWatermarks && interval > 0) {
      long now = context.processingTimeService().currentProcessingTime();
      context.processingTimeService().schedule(now + interval, this::onPeriodicEmit);
    }
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    long ts = assigner != null ? assigner.extractTimestamp(value, timestamp) : timestamp;
    output.collect(value, ts);
    if (emitWatermarks) {
      generator.onEvent(value, ts, this);
    }
  }

  private void onPeriodicEmit(long time) {
    generator.onPeriodicEmit(this);
    context.processingTimeService().schedule(time + interval, this::onPeriodicEmit);
  }

  @Override
  public void processWatermark(long watermark) {
    if (watermark == Long.MAX_VALUE && lastEmitted != Long.MAX_VALUE) {
      lastEmitted = Long.MAX_VALUE;
      output.emitWatermark(Long.MAX_VALUE);
    }
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    if (emitWatermarks && watermark.timestamp() > lastEmitted) {
      lastEmitted = watermark.timestamp();
      output.emitWatermark(lastEmitted);
    }
  }

  @Override
  public void markIdle() {}

  @Override
  public void markActive() {}
}
