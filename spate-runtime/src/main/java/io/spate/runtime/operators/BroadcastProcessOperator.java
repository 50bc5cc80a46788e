package io.spate.runtime.operators;

import io.spate.api.operators.builtin.TimestampedCollector;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReadOnlyBroadcastState;
import io.spate.runtime.state.broadcast.BroadcastStateStore;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: the first input is a non-keyed stream that reads the
 * broadcast state, the second the broadcast stream that writes it. In BATCH mode the broadcast
 * input is read to its end first.
 */
public final class BroadcastProcessOperator<IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {

  private final BroadcastProcessFunction<IN1, IN2, OUT> function;
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private BroadcastStateStore broadcastStates;
  private TimestampedCollector<OUT> collector;
  private ReadOnlyContextImpl readOnlyCtx;
  private ContextImpl ctx;
  private NonKeyedTimerService time;
  private long timestamp;

  /** Creates the operator with one broadcast state per descriptor. */
  public BroadcastProcessOperator(
      BroadcastProcessFunction<IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.function = function;
    this.descriptors = List.copyOf(descriptors);
  }

  @Override
  public void open() throws Exception {
    broadcastStates = new BroadcastStateStore(operatorStateBackend, descriptors);
    time = new NonKeyedTimerService(context);
    collector = new TimestampedCollector<>(output);
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
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement(value, readOnlyCtx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    this.timestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processBroadcastElement(value, ctx, collector);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    time.currentWatermark = watermark;
    output.emitWatermark(watermark);
  }

  private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
    ContextImpl() {
      function.super();
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return broadcastStates.getBroadcastState(descriptor);
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
      return time.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return time.currentWatermark();
    }
  }

  private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
    ReadOnlyContextImpl() {
      function.super();
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return broadcastStates.getReadOnlyBroadcastState(descriptor);
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
      return time.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
      return time.currentWatermark();
    }
  }
}
