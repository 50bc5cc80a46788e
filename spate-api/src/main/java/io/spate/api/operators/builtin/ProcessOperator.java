package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;

/**
 * Runs a {@link ProcessFunction} ({@code DataStream.process}); after {@code keyBy} the function has
 * keyed state (the runtime makes each record's key current), and timers need a {@code
 * KeyedProcessFunction}. Internal: built by the API, not a stable interface.
 */
@Internal
public final class ProcessOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, ProcessFunction<IN, OUT>>
    implements OneInputStreamOperator<IN, OUT> {

  private static final long serialVersionUID = 1L;

  private transient TimestampedCollector<OUT> collector;
  private transient ContextImpl ctx;
  private transient NonKeyedTimerService timerService;

  /** Creates the operator. */
  public ProcessOperator(ProcessFunction<IN, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timerService = new NonKeyedTimerService(getProcessingTimeService(), getName());
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    userFunction.processElement(value, ctx, collector);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timerService.setCurrentWatermark(watermark);
    super.processWatermark(watermark);
  }

  private final class ContextImpl extends ProcessFunction<IN, OUT>.OnTimerContext {
    long timestamp;

    ContextImpl() {
      userFunction.super();
    }

    @Override
    public Long timestamp() {
      return ContextValues.timestampOrNull(timestamp);
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
