package io.spate.runtime.operators;

import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;

/**
 * Runs a {@link KeyedCoProcessFunction}: sets the current key per record of either input, and fires
 * the timers of each key.
 */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, InternalTimerServiceImpl.Target {

  private final KeyedCoProcessFunction<K, IN1, IN2, OUT> function;
  private final KeySelector<IN1, K> keySelector1;
  private final KeySelector<IN2, K> keySelector2;
  private TimestampedCollector<OUT> collector;
  private InternalTimerServiceImpl timers;
  private TimerService timerService;
  private ContextImpl ctx;

  /** Creates the operator; the key selectors give the key of each input's records. */
  @SuppressWarnings("unchecked")
  public KeyedCoProcessOperator(
      KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<?, ?> keySelector1, KeySelector<?, ?> keySelector2) {
    super(function, true);
    this.function = function;
    this.keySelector1 = (KeySelector<IN1, K>) keySelector1;
    this.keySelector2 = (KeySelector<IN2, K>) keySelector2;
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
  public void processElement1(IN1 value, long timestamp) throws Exception {
    setCurrentKey(keyOf(keySelector1, value));
    prepare(timestamp, null);
    function.processElement1(value, ctx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    setCurrentKey(keyOf(keySelector2, value));
    prepare(timestamp, null);
    function.processElement2(value, ctx, collector);
  }

  private void prepare(long timestamp, TimeDomain domain) {
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    ctx.domain = domain;
  }

  @Override
  public void onEventTime(InternalTimerServiceImpl.Timer timer) throws Exception {
    setCurrentKey(timer.key());
    prepare(timer.timestamp(), TimeDomain.EVENT_TIME);
    function.onTimer(timer.timestamp(), ctx, collector);
  }

  @Override
  public void onProcessingTime(InternalTimerServiceImpl.Timer timer) throws Exception {
    setCurrentKey(timer.key());
    prepare(Long.MIN_VALUE, TimeDomain.PROCESSING_TIME);
    function.onTimer(timer.timestamp(), ctx, collector);
  }

  private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
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
      return (K) KeyedCoProcessOperator.this.getCurrentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return timerDomain(domain);
    }
  }
}
