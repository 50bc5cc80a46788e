package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.AbstractUdfStreamOperator;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReadOnlyBroadcastState;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: the first input is a non-keyed stream that reads the
 * broadcast state, the second the broadcast stream that writes it. In BATCH mode the broadcast
 * input is read to its end first. Internal: built by the API, not a stable interface.
 */
@Internal
public final class BroadcastProcessOperator<IN1, IN2, OUT>
    extends AbstractUdfStreamOperator<OUT, BroadcastProcessFunction<IN1, IN2, OUT>>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {

  private static final long serialVersionUID = 1L;

  private final List<MapStateDescriptor<?, ?>> descriptors;
  private transient BroadcastStateStore broadcastStates;
  private transient TimestampedCollector<OUT> collector;
  private transient ReadOnlyContextImpl readOnlyCtx;
  private transient ContextImpl ctx;
  private transient NonKeyedTimerService time;
  private transient long timestamp;

  /** Creates the operator with one broadcast state per descriptor. */
  public BroadcastProcessOperator(
      BroadcastProcessFunction<IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = List.copyOf(descriptors);
  }

  @Override
  public void open() throws Exception {
    broadcastStates = new BroadcastStateStore(getOperatorStateStore(), descriptors);
    time = new NonKeyedTimerService(getProcessingTimeService(), getName());
    collector = new TimestampedCollector<>(output);
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
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
    userFunction.processElement(value, readOnlyCtx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
    userFunction.processBroadcastElement(value, ctx, collector);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    time.setCurrentWatermark(watermark);
    output.emitWatermark(watermark);
  }

  private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
    ContextImpl() {
      userFunction.super();
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return broadcastStates.getBroadcastState(descriptor);
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
      return time.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return time.currentWatermark();
    }
  }

  private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
    ReadOnlyContextImpl() {
      userFunction.super();
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return broadcastStates.getReadOnlyBroadcastState(descriptor);
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
      return time.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return time.currentWatermark();
    }
  }
}
