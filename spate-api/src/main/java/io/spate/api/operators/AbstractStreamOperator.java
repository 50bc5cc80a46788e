package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TaskInfo;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.operators.state.KeyedStateBackend;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.state.OperatorStateStore;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import java.io.Serializable;

/**
 * The base of operators written against the SPI: keeps the parameters and output, gives access to
 * the keyed state, timer services and operator state that the runtime created, fires the due
 * event-time timers on each watermark before forwarding it, and forwards watermark statuses.
 *
 * <p>On a keyed stream the runtime makes each record's key the current key of the keyed state before
 * {@code processElement}, and each timer's key the current key before it fires. The operator is
 * serializable: every parallel instance runs its own copy (see {@link SimpleOperatorFactory}).
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT>, KeyContext, Serializable {

  private static final long serialVersionUID = 1L;

  /** Where records go; set in {@link #setup}. */
  protected transient Output<OUT> output;

  private transient StreamOperatorParameters<OUT> parameters;
  private transient StreamOperatorStateContext stateContext;
  private transient KeyedStateBackend<Object> keyedStateBackend;

  @Override
  @SuppressWarnings("unchecked")
  public void setup(StreamOperatorParameters<OUT> parameters) {
    if (this.parameters != null) {
      throw new IllegalStateException("Operator '" + getName() + "' is set up twice; every parallel instance needs"
          + " an operator object of its own (see StreamOperatorFactory).");
    }
    this.parameters = parameters;
    this.output = parameters.getOutput();
    this.stateContext = parameters.getStateContext();
    this.keyedStateBackend = (KeyedStateBackend<Object>) stateContext.getKeyedStateBackend();
  }

  @Override
  public void open() throws Exception {}

  /** Fires the event-time timers the watermark passed, then forwards it. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    stateContext.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  public void processWatermarkStatus(WatermarkStatus status) throws Exception {
    output.emitWatermarkStatus(status);
  }

  @Override
  public void finish() throws Exception {}

  @Override
  public void close() throws Exception {}

  @Override
  public String getName() {
    return parameters != null ? parameters.getOperatorName() : getClass().getSimpleName();
  }

  /** What the runtime gave this operator in {@link #setup}. */
  protected final StreamOperatorParameters<OUT> getOperatorParameters() {
    return parameters;
  }

  /** The operator's state, as the runtime created it. */
  protected final StreamOperatorStateContext getStateContext() {
    return stateContext;
  }

  /** The task and subtask this operator instance runs in. */
  protected final TaskInfo getTaskInfo() {
    return parameters.getTaskInfo();
  }

  /** The job's settings for functions. */
  protected final ExecutionConfig getExecutionConfig() {
    return parameters.getExecutionConfig();
  }

  /** STREAMING or BATCH. */
  protected final RuntimeExecutionMode getRuntimeMode() {
    return parameters.getRuntimeMode();
  }

  /** The operator's metric group. */
  protected final MetricGroup getMetricGroup() {
    return parameters.getMetricGroup();
  }

  /** The task's clock and processing-time callbacks. */
  protected final ProcessingTimeService getProcessingTimeService() {
    return parameters.getProcessingTimeService();
  }

  /** The operator state (lists, union lists, broadcast maps) of this instance. */
  protected final OperatorStateStore getOperatorStateStore() {
    return stateContext.getOperatorStateStore();
  }

  /** The keyed state, or null if the operator does not run on a keyed stream. */
  protected final KeyedStateBackend<Object> getKeyedStateBackend() {
    return keyedStateBackend;
  }

  /** The keyed state described by {@code descriptor}, for the current key. */
  protected final <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
    return getPartitionedState(VoidNamespace.INSTANCE, descriptor);
  }

  /** The keyed state described by {@code descriptor}, for the current key in {@code namespace}. */
  protected final <N, S extends State> S getPartitionedState(N namespace, StateDescriptor<S, ?> descriptor) {
    return requireKeyed("keyed state '" + descriptor.getName() + "'").getPartitionedState(namespace, descriptor);
  }

  /**
   * The timer service {@code name} firing into {@code triggerable}, created on first call; its timers
   * are checkpointed with the keyed state.
   */
  protected final <K, N> InternalTimerService<N> getInternalTimerService(String name, Triggerable<K, N> triggerable) {
    requireKeyed("timer service '" + name + "'");
    return stateContext.getInternalTimerService(name, triggerable);
  }

  @Override
  public void setCurrentKey(Object key) {
    requireKeyed("a current key").setCurrentKey(key);
  }

  @Override
  public Object getCurrentKey() {
    return requireKeyed("a current key").getCurrentKey();
  }

  /** Emits {@code value} to the side output {@code tag}. */
  protected final <X> void emitSideOutput(OutputTag<X> tag, X value, long timestamp) {
    if (tag == null) {
      throw new IllegalArgumentException("The output tag must not be null (operator '" + getName() + "').");
    }
    output.collect(tag, value, timestamp);
  }

  private KeyedStateBackend<Object> requireKeyed(String what) {
    if (keyedStateBackend == null) {
      throw new IllegalStateException("Operator '" + getName() + "' asked for " + what + ", which exists only on a"
          + " keyed stream: apply the operator after keyBy(...).");
    }
    return keyedStateBackend;
  }
}
