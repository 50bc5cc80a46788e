package io.spate.runtime.operators;

import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;

/** Runs a {@link KeyedProcessFunction}: sets the current key per record, and fires its timers. */
public final class KeyedProcessOperator<K, IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, InternalTimerServiceImpl.Target {

  private final KeyedProcessFunction<K, IN, OUT> function;
  private final KeySelector<IN, K> keySelector;
  private TimestampedCollector<OUT> collector;
  private InternalTimerServiceImpl timers;
  private TimerService timerService;
  private ContextImpl ctx;

  /** Creates the operator; {@code keySelector} gives the key of each record. */
  @SuppressWarnings("unchecked")
  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function, KeySelector<?, ?> keySelector) {
    super(function, true);
    this.function = function;
    this.keySelector = (KeySelector<IN, K>) keySelector;
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timers = createTimerService("timers", this);
    timerService = new KeyedTimerService(timers, keyedStateBackend);
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    setCurrentKey(keyOf(keySelector, value));
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    ctx.domain = null;
    function.processElement(value, ctx, collector);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(InternalTimerServiceImpl.Timer timer) throws Exception {
    fire(timer, TimeDomain.EVENT_TIME, timer.timestamp());
  }

  @Override
  public void onProcessingTime(InternalTimerServiceImpl.Timer timer) throws Exception {
    fire(timer, TimeDomain.PROCESSING_TIME, Long.MIN_VALUE);
  }

  @SuppressWarnings("unchecked")
  private void fire(InternalTimerServiceImpl.Timer timer, TimeDomain domain, long outputTimestamp) throws Exception {
    setCurrentKey(timer.key());
    collector.setTimestamp(outputTimestamp);
    ctx.timestamp = outputTimestamp;
    ctx.domain = domain;
    function.onTimer(timer.timestamp(), ctx, collector);
  }

  private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
    long timestamp;
    TimeDomain domain;

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
    @SuppressWarnings("unchecked")
    public K getCurrentKey() {
      return (K) KeyedProcessOperator.this.getCurrentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return timerDomain(domain);
    }
  }
}
