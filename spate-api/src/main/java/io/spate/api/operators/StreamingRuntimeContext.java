package io.spate.api.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.TaskInfo;
import io.spate.api.functions.RuntimeContext;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;

/**
 * The {@link RuntimeContext} that the runtime gives rich functions, and that an operator's {@code
 * getRuntimeContext()} returns.
 */
@PublicEvolving
public final class StreamingRuntimeContext implements RuntimeContext {

  private final StreamOperatorParameters<?> context;
  private final KeyedStateStore keyedState;

  /** Creates the runtime context of an operator; {@code keyedState} is null on non-keyed streams. */
  @Internal
  public StreamingRuntimeContext(StreamOperatorParameters<?> context, KeyedStateStore keyedState) {
    this.context = context;
    this.keyedState = keyedState;
  }

  @Override
  public JobID getJobId() {
    return context.getJobId();
  }

  @Override
  public TaskInfo getTaskInfo() {
    return context.getTaskInfo();
  }

  @Override
  public ExecutionConfig getExecutionConfig() {
    return context.getExecutionConfig();
  }

  @Override
  public MetricGroup getMetricGroup() {
    return context.getMetricGroup();
  }

  @Override
  public ClassLoader getUserCodeClassLoader() {
    return context.getUserClassLoader();
  }

  private KeyedStateStore keyedState(String stateName) {
    if (keyedState == null) {
      throw new UnsupportedOperationException("Operator '" + context.getOperatorName() + "' asked for keyed state '"
          + stateName + "', but keyed state exists only on a keyed stream: apply the function after keyBy(...).");
    }
    return keyedState;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return keyedState(descriptor.getName()).getState(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return keyedState(descriptor.getName()).getListState(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return keyedState(descriptor.getName()).getReducingState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return keyedState(descriptor.getName()).getAggregatingState(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return keyedState(descriptor.getName()).getMapState(descriptor);
  }
}
