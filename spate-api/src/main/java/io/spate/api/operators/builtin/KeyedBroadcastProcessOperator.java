package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.InternalTimerService;
import io.spate.api.operators.Triggerable;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
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
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: the first input is keyed (per-key state and timers,
 * read-only broadcast state), the second is the broadcast stream that writes the broadcast state
 * and may visit the keyed state of all keys. In BATCH mode the broadcast input is read to its end
 * first. The runtime makes each record's key current on the keyed input, and each timer's key.
 * Internal: built by the API, not a stable interface.
 */
@Internal
public final class KeyedBroadcastProcessOperator<KS, IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<KS, VoidNamespace> {

  private static final long serialVersionUID = 1L;

  private final List<MapStateDescriptor<?, ?>> descriptors;
  private transient BroadcastStateStore broadcastStates;
  private transient TimestampedCollector<OUT> collector;
  private transient InternalTimerService<VoidNamespace> timers;
  private transient TimerService timerService;
  private transient ReadOnlyContextImpl readOnlyCtx;
  private transient ContextImpl ctx;
  private transient long timestamp;

  /** Creates the operator with one broadcast state per descriptor. */
  public KeyedBroadcastProcessOperator(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = List.copyOf(descriptors);
  }

  @Override
  public void open() throws Exception {
    broadcastStates = new BroadcastStateStore(getOperatorStateStore(), descriptors);
    collector = new TimestampedCollector<>(output);
    timers = getInternalTimerService("timers", this);
    timerService = new KeyedTimerService(timers);
    readOnlyCtx = new ReadOnlyContextImpl();
    ctx = new ContextImpl();
    super.open();
  }

  @Override
  public int inputToReadFirst() {
    return getRuntimeMode() == RuntimeExecutionMode.BATCH ? 1 : -1;
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    prepare(timestamp, null);
    userFunction.processElement(value, readOnlyCtx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    setCurrentKey(null); // the broadcast side has no key: keyed state only through applyToKeyedState
    prepare(timestamp, null);
    userFunction.processBroadcastElement(value, ctx, collector);
  }

  private void prepare(long timestamp, TimeDomain domain) {
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
    readOnlyCtx.domain = domain;
  }

  @Override
  public void onEventTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
    prepare(timer.getTimestamp(), TimeDomain.EVENT_TIME);
    userFunction.onTimer(timer.getTimestamp(), readOnlyCtx, collector);
  }

  @Override
  public void onProcessingTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
    prepare(Long.MIN_VALUE, TimeDomain.PROCESSING_TIME);
    userFunction.onTimer(timer.getTimestamp(), readOnlyCtx, collector);
  }

  private final class ContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
    ContextImpl() {
      userFunction.super();
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
      getKeyedStateBackend().applyToAllKeys(VoidNamespace.INSTANCE, descriptor,
          (key, state) -> stateFunction.process((KS) key, state));
    }

    @Override
    public Long timestamp() {
      return ContextValues.timestampOrNull(timestamp);
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
      userFunction.super();
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
      return ContextValues.timerDomain(domain);
    }

    @Override
    public Long timestamp() {
      return ContextValues.timestampOrNull(timestamp);
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
