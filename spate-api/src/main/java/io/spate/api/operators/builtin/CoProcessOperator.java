package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.CoProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.Triggerable;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.state.VoidNamespace;

/**
 * Runs a {@link CoProcessFunction}; on keyed connected streams the runtime makes each record's key
 * current, and the function may set timers. Internal: built by the API, not a stable interface.
 */
@Internal
public final class CoProcessOperator<IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, CoProcessFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<Object, VoidNamespace> {

  private static final long serialVersionUID = 1L;

  private transient TimestampedCollector<OUT> collector;
  // Set on streams that are not keyed, where it tracks the watermark; null on keyed streams.
  private transient NonKeyedTimerService nonKeyedTimers;
  private transient TimerService timerService;
  private transient ContextImpl ctx;

  /** Creates the operator. */
  public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    if (getKeyedStateBackend() != null) {
      timerService = new KeyedTimerService(getInternalTimerService("timers", this));
    } else {
      nonKeyedTimers = new NonKeyedTimerService(getProcessingTimeService(), getName());
      timerService = nonKeyedTimers;
    }
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    prepare(timestamp);
    userFunction.processElement1(value, ctx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    prepare(timestamp);
    userFunction.processElement2(value, ctx, collector);
  }

  private void prepare(long timestamp) {
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    ctx.domain = null;
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    if (nonKeyedTimers != null) {
      nonKeyedTimers.setCurrentWatermark(watermark);
    }
    super.processWatermark(watermark);
  }

  @Override
  public void onEventTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
    fire(timer.getTimestamp(), TimeDomain.EVENT_TIME, timer.getTimestamp());
  }

  @Override
  public void onProcessingTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
    fire(timer.getTimestamp(), TimeDomain.PROCESSING_TIME, Long.MIN_VALUE);
  }

  private void fire(long time, TimeDomain domain, long outputTimestamp) throws Exception {
    prepare(outputTimestamp);
    ctx.domain = domain;
    userFunction.onTimer(time, ctx, collector);
  }

  private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.OnTimerContext {
    long timestamp;
    TimeDomain domain;

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
      return ContextValues.timerDomain(domain);
    }
  }
}
