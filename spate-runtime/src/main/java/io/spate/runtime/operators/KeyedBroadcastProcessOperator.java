package io.spate.runtime.operators;

import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.functions.TimerService;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.KeyedStateFunction;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReadOnlyBroadcastState;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.runtime.state.broadcast.BroadcastStateStore;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: the first input is keyed (per-key state and timers,
 * read-only broadcast state), the second is the broadcast stream that writes the broadcast state
 * and may visit the keyed state of all keys. In BATCH mode the broadcast input is read to its end
 * first.
 */
public final class KeyedBroadcastProcessOperator<KS, IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, InternalTimerServiceImpl.Target {

  private final KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function;
  private final KeySelector<IN1, KS> keySelector;
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private BroadcastStateStore broadcastStates;
  private TimestampedCollector<OUT> collector;
  private InternalTimerServiceImpl timers;
  private TimerService timerService;
  private ReadOnlyContextImpl readOnlyCtx;
  private ContextImpl ctx;
  private long timestamp;

  /** Creates the operator; {@code keySelector} keys the first input. */
  @SuppressWarnings("unchecked")
  public KeyedBroadcastProcessOperator(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
      KeySelector<?, ?> keySelector, List<MapStateDescriptor<?, ?>> descriptors) {
    super(function, true);
    this.function = function;
    this.keySelector = (KeySelector<IN1, KS>) keySelector;
    this.descriptors = List.copyOf(descriptors);
  }

  @Override
  public void open() throws Exception {
    broadcastStates = new BroadcastStateStore(operatorStateBackend, descriptors);
    collector = new TimestampedCollector<>(output);
    timers = createTimerService("timers", this);
    timerService = new KeyedTimerService(timers, keyedStateBackend);
    readOnlyCtx = new ReadOnlyContextImpl();
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public int inputToReadFirst() {
    return context.runtimeMode() == RuntimeExecutionMode.BATCH ? 1 : -1;
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    setCurrentKey(keyOf(keySelector, value));
    prepare(timestamp, null);
    function.processElement(value, readOnlyCtx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    setCurrentKey(null); // the broadcast side has no key: keyed state only through applyToKeyedState
    prepare(timestamp, null);
    function.processBroadcastElement(value, ctx, collector);
  }

  private void prepare(long timestamp, TimeDomain domain) {
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
    readOnlyCtx.domain = domain;
  }

  @Override
  public void onEventTime(InternalTimerServiceImpl.Timer timer) throws Exception {
    setCurrentKey(timer.key());
    prepare(timer.timestamp(), TimeDomain.EVENT_TIME);
    function.onTimer(timer.timestamp(), readOnlyCtx, collector);
  }

  @Override
  public void onProcessingTime(InternalTimerServiceImpl.Timer timer) throws Exception {
    setCurrentKey(timer.key());
    prepare(Long.MIN_VALUE, TimeDomain.PROCESSING_TIME);
    function.onTimer(timer.timestamp(), readOnlyCtx, collector);
  }

  private final class ContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
    ContextImpl() {
      function.super();
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return broadcastStates.getBroadcastState(descriptor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <VS, S extends State> void applyToKeyedState(
        StateDescriptor<S, VS> descriptor, KeyedStateFunction<KS, S> stateFunction) throws Exception {
      if (descriptor == null || stateFunction == null) {
        throw new NullPointerException("applyToKeyedState needs a state descriptor and a function.");
      }
      keyedStateBackend.applyToAllKeys(VoidNamespace.INSTANCE, descriptor,
          (key, state) -> stateFunction.process((KS) key, state));
    }

    @Override
    public Long timestamp() {
      return timestampOrNull(timestamp);
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      emitSideOutput(outputTag, value, timestamp);
    }

    @Override
    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return timers.currentWatermark();
    }
  }

  private final class ReadOnlyContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
    TimeDomain domain;

    ReadOnlyContextImpl() {
      function.super();
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return broadcastStates.getReadOnlyBroadcastState(descriptor);
    }

    @Override
    public TimerService timerService() {
      return timerService;
    }

    @Override
    @SuppressWarnings("unchecked")
    public KS getCurrentKey() {
      return (KS) KeyedBroadcastProcessOperator.this.getCurrentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return timerDomain(domain);
    }

    @Override
    public Long timestamp() {
      return timestampOrNull(timestamp);
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      emitSideOutput(outputTag, value, timestamp);
    }

    @Override
    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return timers.currentWatermark();
    }
  }
}
