package io.spate.runtime.operators;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.eventtime.RecordTimestampAssigner;
import io.spate.api.eventtime.StrategyContext;
import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.operators.WatermarkStatus;

/**
 * Runs {@code assignTimestampsAndWatermarks}: assigns each record its timestamp, feeds the watermark
 * generator, and asks it for a watermark every auto-watermark interval. Watermarks from upstream
 * are dropped, except the final one that ends the input. The output is idle while the generator
 * says so (see {@link WatermarkStrategy#withIdleness}) or while the input is idle; a record or an
 * advancing watermark makes it active again.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T>, WatermarkOutput {

  private final WatermarkStrategy<T> strategy;
  private TimestampAssigner<T> assigner;
  private WatermarkGenerator<T> generator;
  private long lastEmitted = Long.MIN_VALUE;
  private long interval;
  private boolean emitWatermarks;
  private boolean generatorIdle;
  private boolean inputIdle;
  private boolean outputIdle;

  /** Creates the operator. */
  public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
    super(null);
    this.strategy = strategy;
  }

  @Override
  public void open() throws Exception {
    super.open();
    StrategyContext strategyContext = new StrategyContext(context.metricGroup(),
        context.processingTimeService()::getCurrentProcessingTime);
    TimestampAssigner<T> created = strategy.createTimestampAssigner(strategyContext);
    // Keeping the records' timestamps needs no call per record.
    assigner = created instanceof RecordTimestampAssigner ? null : created;
    generator = strategy.createWatermarkGenerator(strategyContext);
    emitWatermarks = context.runtimeMode() == RuntimeExecutionMode.STREAMING;
    interval = context.executionConfig().getAutoWatermarkInterval();
    if (emitWatermarks && interval > 0) {
      long now = context.processingTimeService().getCurrentProcessingTime();
      context.processingTimeService().registerTimer(now + interval, this::onPeriodicEmit);
    }
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    long ts = assigner != null ? assigner.extractTimestamp(value, timestamp) : timestamp;
    if (outputIdle) {
      generatorIdle = false;
      inputIdle = false;
      updateStatus();
    }
    output.collect(value, ts);
    if (emitWatermarks) {
      generator.onEvent(value, ts, this);
    }
  }

  private void onPeriodicEmit(long time) {
    try {
      generator.onPeriodicEmit(this);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      throw OperatorFailure.wrap(getName(), e);
    }
    context.processingTimeService().registerTimer(time + interval, this::onPeriodicEmit);
  }

  @Override
  public void processWatermark(long watermark) {
    if (watermark == Long.MAX_VALUE && lastEmitted != Long.MAX_VALUE) {
      emit(Long.MAX_VALUE);
    }
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) {
    inputIdle = status == WatermarkStatus.IDLE;
    updateStatus();
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    if (emitWatermarks && watermark.timestamp() > lastEmitted) {
      emit(watermark.timestamp());
    }
  }

  private void emit(long watermark) {
    if (outputIdle) {
      generatorIdle = false;
      inputIdle = false;
      updateStatus();
    }
    lastEmitted = watermark;
    output.emitWatermark(watermark);
  }

  @Override
  public void markIdle() {
    generatorIdle = true;
    updateStatus();
  }

  @Override
  public void markActive() {
    generatorIdle = false;
    updateStatus();
  }

  private void updateStatus() {
    boolean idle = emitWatermarks && (generatorIdle || inputIdle);
    if (idle != outputIdle) {
      outputIdle = idle;
      output.emitWatermarkStatus(idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
    }
  }
}
