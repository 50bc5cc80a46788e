package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TaskInfo;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.KeySelector;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.operators.state.BackendKeyedStateStore;
import io.spate.api.operators.state.KeyedStateBackend;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.state.OperatorStateStore;
import io.spate.api.state.State;
import io.spate.api.state.StateDescriptor;
import java.io.Serializable;
import java.util.Objects;

/**
 * The base of operators written against the SPI: keeps the parameters and output, gives access to
 * the keyed state, timer services and operator state that the runtime created, fires the due
 * event-time timers on each watermark before forwarding it, and forwards watermark statuses.
 *
 * <p>On a keyed stream the runtime makes each record's key the current key of the keyed state before
 * {@code processElement}, and each timer's key the current key before it fires. The operator is
 * serializable: every parallel instance runs its own copy (see {@link SimpleOperatorFactory}).
 *
 * <p>It also has Flink's shape: {@code processWatermark(Watermark)}, {@code
 * initializeState(StateInitializationContext)}, the per-input watermark methods of two-input
 * operators, the public getters of state, timers and runtime context; an operator written against
 * Flink's {@code AbstractStreamOperator} compiles against it (see docs/operators.md).
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

  /** Whether the operator may be chained; {@link SimpleOperatorFactory} builds the graph with it. */
  protected ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;

  private transient StreamingRuntimeContext runtimeContext;
  private transient ProcessingTimeService processingTimeService;
  // The per-input watermarks and statuses of Flink's processWatermark1/2 and processWatermarkStatus1/2.
  private transient InputWatermarks inputWatermarks;

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
    this.runtimeContext = new StreamingRuntimeContext(parameters,
        keyedStateBackend == null ? null : new BackendKeyedStateStore(keyedStateBackend));
    this.inputWatermarks = new InputWatermarks(2);
    ElementMethods.requireImplemented(this);
  }

  @Override
  public void open() throws Exception {}

  /** Hands the watermark to {@link #processWatermark(Watermark)}, which operators of Flink's shape override. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    processWatermark(new Watermark(watermark));
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
  public final ExecutionConfig getExecutionConfig() {
    return parameters.getExecutionConfig();
  }

  /** STREAMING or BATCH. */
  protected final RuntimeExecutionMode getRuntimeMode() {
    return parameters.getRuntimeMode();
  }

  /** The operator's metric group. */
  public final MetricGroup getMetricGroup() {
    return parameters.getMetricGroup();
  }

  /**
   * The task's clock and processing-time callbacks, or the service given to {@link
   * #setProcessingTimeService}.
   */
  public final ProcessingTimeService getProcessingTimeService() {
    return processingTimeService != null ? processingTimeService : parameters.getProcessingTimeService();
  }

  /** The operator state (lists, union lists, broadcast maps) of this instance. */
  protected final OperatorStateStore getOperatorStateStore() {
    return stateContext.getOperatorStateStore();
  }

  /** The keyed state, or null if the operator does not run on a keyed stream. */
  @SuppressWarnings("unchecked")
  public final <K> KeyedStateBackend<K> getKeyedStateBackend() {
    return (KeyedStateBackend<K>) keyedStateBackend;
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

  // Flink's shape of the operator: the methods below have Flink's names and parameters.

  /**
   * Fires the event-time timers the watermark passed, then forwards it. An operator that overrides
   * this calls {@code super.processWatermark(mark)} to keep its timers firing and the watermark moving.
   */
  public void processWatermark(Watermark mark) throws Exception {
    stateContext.advanceWatermark(mark.getTimestamp());
    output.emitWatermark(mark);
  }

  /**
   * A watermark of the first of two inputs: hands the minimum over both inputs' watermarks (of the
   * inputs that are not idle) to {@link #processWatermark(Watermark)} when it advances. Spate's runtime
   * combines the inputs itself and calls {@code processWatermark} directly, so it never calls this.
   */
  public void processWatermark1(Watermark mark) throws Exception {
    if (inputWatermarks.updateWatermark(0, mark.getTimestamp())) {
      processWatermark(new Watermark(inputWatermarks.combined()));
    }
  }

  /** As {@link #processWatermark1}, for the second input. */
  public void processWatermark2(Watermark mark) throws Exception {
    if (inputWatermarks.updateWatermark(1, mark.getTimestamp())) {
      processWatermark(new Watermark(inputWatermarks.combined()));
    }
  }

  /**
   * A watermark status of the first of two inputs: an idle input no longer holds the combined
   * watermark back, which may so advance; the combined status, idle when both inputs are, is emitted
   * when it changes. Spate's runtime combines the statuses itself, so it never calls this.
   */
  public void processWatermarkStatus1(WatermarkStatus watermarkStatus) throws Exception {
    processWatermarkStatus(0, watermarkStatus);
  }

  /** As {@link #processWatermarkStatus1}, for the second input. */
  public void processWatermarkStatus2(WatermarkStatus watermarkStatus) throws Exception {
    processWatermarkStatus(1, watermarkStatus);
  }

  private void processWatermarkStatus(int input, WatermarkStatus watermarkStatus) throws Exception {
    boolean wasIdle = inputWatermarks.isIdle();
    if (inputWatermarks.updateIdle(input, watermarkStatus.isIdle())) {
      processWatermark(new Watermark(inputWatermarks.combined()));
    }
    if (wasIdle != inputWatermarks.isIdle()) {
      output.emitWatermarkStatus(watermarkStatus);
    }
  }

  /** Forwards a latency marker; Spate's runtime sends none (see {@link LatencyMarker}). */
  public void processLatencyMarker(LatencyMarker latencyMarker) throws Exception {
    output.emitLatencyMarker(latencyMarker);
  }

  /** As {@link #processLatencyMarker}, for the first of two inputs. */
  public void processLatencyMarker1(LatencyMarker latencyMarker) throws Exception {
    processLatencyMarker(latencyMarker);
  }

  /** As {@link #processLatencyMarker}, for the second of two inputs. */
  public void processLatencyMarker2(LatencyMarker latencyMarker) throws Exception {
    processLatencyMarker(latencyMarker);
  }

  /** Forwards record attributes; Spate's runtime sends none (see {@link RecordAttributes}). */
  public void processRecordAttributes(RecordAttributes recordAttributes) throws Exception {
    output.emitRecordAttributes(recordAttributes);
  }

  /** As {@link #processRecordAttributes}, for the first of two inputs. */
  public void processRecordAttributes1(RecordAttributes recordAttributes) {
    output.emitRecordAttributes(recordAttributes);
  }

  /** As {@link #processRecordAttributes}, for the second of two inputs. */
  public void processRecordAttributes2(RecordAttributes recordAttributes) {
    output.emitRecordAttributes(recordAttributes);
  }

  /** Makes the key of {@code record} current, by the state key selector of the first input, if it is keyed. */
  @Override
  public void setKeyContextElement1(StreamRecord<?> record) throws Exception {
    setKeyContextElement(record, parameters.getStateKeySelector(0));
  }

  /** Makes the key of {@code record} current, by the state key selector of the second input, if it is keyed. */
  @Override
  public void setKeyContextElement2(StreamRecord<?> record) throws Exception {
    setKeyContextElement(record, parameters.getStateKeySelector(1));
  }

  @SuppressWarnings("unchecked")
  private void setKeyContextElement(StreamRecord<?> record, KeySelector<?, ?> selector) throws Exception {
    if (selector != null) {
      setCurrentKey(((KeySelector<Object, ?>) selector).getKey(record.getValue()));
    }
  }

  /**
   * Registers and restores the operator's state: builds the context of {@link
   * #initializeState(StateInitializationContext)} and calls it.
   */
  @Override
  public void initializeState() throws Exception {
    initializeState(new OperatorStateInitializationContext(stateContext, getName(), getKeyedStateStore()));
  }

  /**
   * The hook in which an operator registers its operator and keyed state and reads what was restored
   * ({@code context.isRestored()}); called after {@link #setup} and before {@link #open}.
   */
  public void initializeState(StateInitializationContext context) throws Exception {}

  /** The runtime context that a rich function of this operator gets. */
  public StreamingRuntimeContext getRuntimeContext() {
    return runtimeContext;
  }

  /** The class loader of the job's code. */
  public ClassLoader getUserCodeClassloader() {
    return parameters.getUserClassLoader();
  }

  /** The operator state (lists, union lists, broadcast maps) of this instance. */
  public OperatorStateStore getOperatorStateBackend() {
    return stateContext.getOperatorStateStore();
  }

  /** The keyed state as a store of states by descriptor, or null if the operator is not on a keyed stream. */
  public KeyedStateStore getKeyedStateStore() {
    return keyedStateBackend == null ? null : new BackendKeyedStateStore(keyedStateBackend);
  }

  /**
   * Makes {@code processingTimeService} the one {@link #getProcessingTimeService()} returns, for
   * processing-time callbacks the operator registers itself; the timers of its timer services keep the
   * task's clock.
   */
  public void setProcessingTimeService(ProcessingTimeService processingTimeService) {
    this.processingTimeService = Objects.requireNonNull(processingTimeService, "processingTimeService");
  }

  /**
   * The keyed state described by {@code descriptor}, for the current key in {@code namespace}. Spate
   * stores namespaces its own way: the serializer is not used.
   */
  public <S extends State, N> S getPartitionedState(N namespace, TypeSerializer<N> namespaceSerializer,
      StateDescriptor<S, ?> descriptor) throws Exception {
    return getPartitionedState(namespace, descriptor);
  }

  /**
   * The timer service {@code name} firing into {@code triggerable}, as {@link
   * #getInternalTimerService(String, Triggerable)}. Spate stores timer namespaces its own way: the
   * serializer is not used.
   */
  public <K, N> InternalTimerService<N> getInternalTimerService(String name, TypeSerializer<N> namespaceSerializer,
      Triggerable<K, N> triggerable) {
    return getInternalTimerService(name, triggerable);
  }

  /** Sets whether the operator may be chained; takes effect when the operator is added to a stream. */
  public final void setChainingStrategy(ChainingStrategy strategy) {
    this.chainingStrategy = Objects.requireNonNull(strategy, "strategy");
  }

  /** Whether the operator may be chained. */
  public final ChainingStrategy getChainingStrategy() {
    return chainingStrategy;
  }
}
