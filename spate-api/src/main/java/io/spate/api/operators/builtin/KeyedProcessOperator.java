package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.Triggerable;
import io.spate.api.operators.state.VoidNamespace;

/**
 * Runs a {@link KeyedProcessFunction} ({@code KeyedStream.process}) and fires its timers; the
 * runtime makes each record's and each timer's key current. Internal: built by the API, not a
 * stable interface.
 */
@Internal
public final class KeyedProcessOperator<K, IN, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {

  private static final long serialVersionUID = 1L;

  private transient TimestampedCollector<OUT> collector;
  private transient TimerService timerService;
  private transient ContextImpl ctx;

  /** Creates the operator. */
  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
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
  public void processElement(IN value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    ctx.domain = null;
    userFunction.processElement(value, ctx, collector);
  }

  @Override
  public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
    fire(timer.getTimestamp(), TimeDomain.EVENT_TIME, timer.getTimestamp());
  }

  @Override
  public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
    fire(timer.getTimestamp(), TimeDomain.PROCESSING_TIME, Long.MIN_VALUE);
  }

  private void fire(long time, TimeDomain domain, long outputTimestamp) throws Exception {
    collector.setTimestamp(outputTimestamp);
    ctx.timestamp = outputTimestamp;
    ctx.domain = domain;
    userFunction.onTimer(time, ctx, collector);
  }

  private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
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
      return (K) KeyedProcessOperator.this.getCurrentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return ContextValues.timerDomain(domain);
    }
  }
}
