package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.Triggerable;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.state.VoidNamespace;

/**
 * Runs a {@link KeyedCoProcessFunction} on keyed connected streams and fires its timers; the runtime
 * makes each record's key (by its input's selector) and each timer's key current. Internal: built
 * by the API, not a stable interface.
 */
@Internal
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<K, VoidNamespace> {

  private static final long serialVersionUID = 1L;

  private transient TimestampedCollector<OUT> collector;
  private transient TimerService timerService;
  private transient ContextImpl ctx;

  /** Creates the operator. */
  public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timerService = new KeyedTimerService(getInternalTimerService("timers", this));
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    prepare(timestamp, null);
    userFunction.processElement1(value, ctx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    prepare(timestamp, null);
    userFunction.processElement2(value, ctx, collector);
  }

  private void prepare(long timestamp, TimeDomain domain) {
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    ctx.domain = domain;
  }

  @Override
  public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
    prepare(timer.getTimestamp(), TimeDomain.EVENT_TIME);
    userFunction.onTimer(timer.getTimestamp(), ctx, collector);
  }

  @Override
  public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
    prepare(Long.MIN_VALUE, TimeDomain.PROCESSING_TIME);
    userFunction.onTimer(timer.getTimestamp(), ctx, collector);
  }

  private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
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
    @SuppressWarnings("unchecked")
    public K getCurrentKey() {
      return (K) KeyedCoProcessOperator.this.getCurrentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return ContextValues.timerDomain(domain);
    }
  }
}
