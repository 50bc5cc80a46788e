package io.spate.runtime.operators;

import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;

/** Runs a {@link ProcessFunction}; after {@code keyBy} the function has keyed state, and timers need a {@code KeyedProcessFunction}. */
public final class ProcessOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT> {

  private final ProcessFunction<IN, OUT> function;
  private TimestampedCollector<OUT> collector;
  private ContextImpl ctx;
  private NonKeyedTimerService timerService;

  /** Creates the operator. */
  public ProcessOperator(ProcessFunction<IN, OUT> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timerService = new NonKeyedTimerService(context);
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    enterKeyOf(value);
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    function.processElement(value, ctx, collector);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timerService.currentWatermark = watermark;
    super.processWatermark(watermark);
  }

  private final class ContextImpl extends ProcessFunction<IN, OUT>.OnTimerContext {
    long timestamp;

    ContextImpl() {
      function.super();
    }

    @Override
    public Long timestamp() {
      return timestampOrNull(timestamp);
    }

    @Override
    public TimerService timerService() {
      return timerService;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      emitSideOutput(outputTag, value, timestamp);
    }

    @Override
    public TimeDomain timeDomain() {
      throw new IllegalStateException("timeDomain() is only available in onTimer.");
    }
  }
}
