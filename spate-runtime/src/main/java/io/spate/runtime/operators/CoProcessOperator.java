package io.spate.runtime.operators;

import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.functions.CoProcessFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;

/**
 * Runs a {@link CoProcessFunction}; on keyed connected streams it sets the current key per record
 * and supports timers.
 */
public final class CoProcessOperator<IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, InternalTimerServiceImpl.Target {

  private final CoProcessFunction<IN1, IN2, OUT> function;
  private final KeySelector<IN1, Object> keySelector1;
  private final KeySelector<IN2, Object> keySelector2;
  private TimestampedCollector<OUT> collector;
  private InternalTimerServiceImpl timers;
  private NonKeyedTimerService nonKeyedTimers;
  private TimerService timerService;
  private ContextImpl ctx;

  /** Creates the operator; the key selectors are null on non-keyed streams. */
  @SuppressWarnings("unchecked")
  public CoProcessOperator(
      CoProcessFunction<IN1, IN2, OUT> function, KeySelector<?, ?> keySelector1, KeySelector<?, ?> keySelector2) {
    super(function, keySelector1 != null);
    this.function = function;
    this.keySelector1 = (KeySelector<IN1, Object>) keySelector1;
    this.keySelector2 = (KeySelector<IN2, Object>) keySelector2;
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    if (keySelector1 != null) {
      timers = createTimerService("timers", this);
      timerService = new KeyedTimerService(timers, keyedStateBackend);
    } else {
      nonKeyedTimers = new NonKeyedTimerService(context);
      timerService = nonKeyedTimers;
    }
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    if (keySelector1 != null) {
      setCurrentKey(keyOf(keySelector1, value));
    }
    prepare(timestamp);
    function.processElement1(value, ctx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    if (keySelector2 != null) {
      setCurrentKey(keyOf(keySelector2, value));
    }
    prepare(timestamp);
    function.processElement2(value, ctx, collector);
  }

  private void prepare(long timestamp) {
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    ctx.domain = null;
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    if (timers == null) {
      nonKeyedTimers.currentWatermark = watermark;
    }
    super.processWatermark(watermark);
  }

  @Override
  public void onEventTime(InternalTimerServiceImpl.Timer timer) throws Exception {
    fire(timer, TimeDomain.EVENT_TIME, timer.timestamp());
  }

  @Override
  public void onProcessingTime(InternalTimerServiceImpl.Timer timer) throws Exception {
    fire(timer, TimeDomain.PROCESSING_TIME, Long.MIN_VALUE);
  }

  private void fire(InternalTimerServiceImpl.Timer timer, TimeDomain domain, long outputTimestamp) throws Exception {
    setCurrentKey(timer.key());
    prepare(outputTimestamp);
    ctx.domain = domain;
    function.onTimer(timer.timestamp(), ctx, collector);
  }

  private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.OnTimerContext {
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
    public TimeDomain timeDomain() {
      return timerDomain(domain);
    }
  }
}
