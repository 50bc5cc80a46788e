package io.spate.testing;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TaskInfo;
import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.api.operators.BoundedOneInput;
import io.spate.api.operators.InFlightOperator;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.StreamOperatorStateHandler;
import io.spate.runtime.operators.TaskOperatorParameters;
import io.spate.api.functions.KeySelector;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.state.KeyedStateBackend;
import io.spate.runtime.operators.KeyedInput;
import io.spate.runtime.tasks.TaskProcessingTimeService;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import io.spate.runtime.state.snapshot.OperatorSnapshot;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.Objects;
import java.util.OptionalLong;
import io.spate.api.operators.WatermarkStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What every test harness shares: a manual processing-time clock, the recorded output, and the
 * operator's life cycle.
 *
 * @param <OUT> the output type
 * @param <H> the concrete harness type, for chaining
 */
abstract class AbstractTestHarness<OUT, H extends AbstractTestHarness<OUT, H>> implements AutoCloseable {

  private final StreamOperatorFactory<OUT> factory;
  private final List<KeySelector<?, ?>> stateKeySelectors;
  // Created by the factory when the harness opens, as the task creates it.
  private StreamOperator<OUT> operator;
  // The keyed state on which the harness makes each record's key current, as the task does for an
  // operator that does not take its keys itself (see KeyedInput); null if it does, or is not keyed.
  private KeyedStateBackend<Object> keysToSet;
  private final RecordingOutput<OUT> output = new RecordingOutput<>();
  private final TaskProcessingTimeService processingTimeService;
  private long processingTime;
  private TaskInfo taskInfo;
  private RuntimeExecutionMode mode = RuntimeExecutionMode.STREAMING;
  private Duration autoWatermarkInterval;
  private StreamOperatorStateHandler state;
  private boolean opened;
  private boolean closed;
  private OperatorSubtaskState restoredState = OperatorSubtaskState.EMPTY;
  private OptionalLong restoredCheckpointId = OptionalLong.empty();

  /**
   * A harness for the operator that {@code factory} creates, keyed where an input has a selector in
   * {@code stateKeySelectors} (one per input; empty or all null when not keyed), as a node whose
   * transformation has that factory and those selectors.
   */
  AbstractTestHarness(StreamOperatorFactory<OUT> factory, String name, List<KeySelector<?, ?>> stateKeySelectors) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.stateKeySelectors = stateKeySelectors;
    this.processingTimeService = new TaskProcessingTimeService(() -> processingTime);
    this.taskInfo = new TaskInfo(name, 0, 1, 128, 0);
  }

  /**
   * Makes the key of {@code value}, a record of input {@code input}, the current key, as the task
   * does before it hands a record to a keyed operator that does not take its keys itself.
   */
  @SuppressWarnings("unchecked")
  final void enterKeyOf(int input, Object value) throws Exception {
    if (keysToSet != null && stateKeySelectors.get(input) != null) {
      keysToSet.setCurrentKey(((KeySelector<Object, ?>) stateKeySelectors.get(input)).getKey(value));
    }
  }

  @SuppressWarnings("unchecked")
  private H self() {
    return (H) this;
  }

  /** Runs the operator as subtask {@code index} of {@code parallelism}; call before {@link #open()}. */
  public H setSubtask(int index, int parallelism, int maxParallelism) {
    checkNotOpened();
    if (index < 0 || index >= parallelism || parallelism > maxParallelism) {
      throw new IllegalArgumentException("Invalid subtask " + index + " of " + parallelism
          + " (max parallelism " + maxParallelism + ")");
    }
    taskInfo = new TaskInfo(taskInfo.taskName(), index, parallelism, maxParallelism, taskInfo.attemptNumber());
    return self();
  }

  /** Runs the operator in BATCH mode; call before {@link #open()}. */
  public H setBatchMode() {
    checkNotOpened();
    mode = RuntimeExecutionMode.BATCH;
    return self();
  }

  /** Sets the auto-watermark interval (0 turns periodic watermarks off); call before {@link #open()}. */
  public H setAutoWatermarkInterval(Duration interval) {
    checkNotOpened();
    autoWatermarkInterval = interval;
    return self();
  }

  /** Sets the processing time before {@link #open()}, or advances it and fires due timers. */
  public H setProcessingTime(long time) throws Exception {
    if (time < processingTime) {
      throw new IllegalArgumentException("Processing time cannot go back from " + processingTime + " to " + time);
    }
    processingTime = time;
    if (opened) {
      processingTimeService.fireDue(time);
      processCompletions();
    }
    return self();
  }

  /** Opens the operator (and its function); done automatically by the first input. */
  public H open() throws Exception {
    checkNotOpened();
    Configuration conf = new Configuration();
    ExecutionConfig executionConfig = new ExecutionConfig(conf);
    if (autoWatermarkInterval != null) {
      executionConfig.setAutoWatermarkInterval(autoWatermarkInterval);
    }
    OperatorContext context = new OperatorContext(JobID.generate(), taskInfo.taskName(), taskInfo,
        executionConfig, mode, new UnregisteredMetricsGroup(),
        Thread.currentThread().getContextClassLoader(), processingTimeService, taskInfo.maxNumberOfParallelSubtasks(),
        null, conf, restoredCheckpointId, restoredState);
    boolean keyed = stateKeySelectors.stream().anyMatch(Objects::nonNull);
    state = new StreamOperatorStateHandler(context, keyed);
    try {
      operator = factory.createStreamOperator(new TaskOperatorParameters<>(context, output, state, stateKeySelectors));
    } catch (RuntimeException | Error e) {
      state.dispose();
      throw e;
    }
    keysToSet = keyed && !(operator instanceof KeyedInput) ? state.getKeyedStateBackend() : null;
    operator.initializeState();
    operator.open();
    opened = true;
    return self();
  }

  /**
   * Makes the operator restore {@code state} (from {@link #snapshot}, or from {@link TestHarnesses#repartition})
   * as if from checkpoint {@code checkpointId}; call before {@link #open()}.
   */
  public H initializeState(OperatorSubtaskState state, long checkpointId) {
    checkNotOpened();
    restoredState = Objects.requireNonNull(state, "state");
    restoredCheckpointId = OptionalLong.of(checkpointId);
    return self();
  }

  /** Makes the operator restore {@code state} as if from checkpoint 0; call before {@link #open()}. */
  public H initializeState(OperatorSubtaskState state) {
    return initializeState(state, 0L);
  }

  /**
   * Takes a checkpoint of the operator as a task does when the barrier of checkpoint
   * {@code checkpointId} passes: the part before the barrier, the synchronous part, then the
   * asynchronous part, all kept in memory.
   */
  public OperatorSubtaskState snapshot(long checkpointId, long timestamp) throws Exception {
    ensureOpen();
    processCompletions();
    operator.prepareSnapshotPreBarrier(checkpointId);
    OperatorSnapshot parts = state.snapshot(operator, checkpointId, timestamp, SNAPSHOT_STREAMS);
    KeyedStateHandle keyed = parts.keyedState().write();
    OperatorStateHandle operatorState = parts.operatorState().write();
    return new OperatorSubtaskState(keyed == null ? List.of() : List.of(keyed),
        operatorState == null ? List.of() : List.of(operatorState), List.of());
  }

  /** Tells the operator that checkpoint {@code checkpointId} completed. */
  public H notifyOfCompletedCheckpoint(long checkpointId) throws Exception {
    ensureOpen();
    state.notifyCheckpointComplete(operator, checkpointId);
    processCompletions();
    return self();
  }

  void ensureOpen() throws Exception {
    if (closed) {
      throw new IllegalStateException("The harness is closed.");
    }
    if (!opened) {
      open();
    }
  }

  private void checkNotOpened() {
    if (opened) {
      throw new IllegalStateException("The harness is already open.");
    }
  }

  /** The operator, once {@link #ensureOpen} created it. */
  final StreamOperator<OUT> operator() {
    return operator;
  }

  /** The operator under test, for assertions on its own counters; opens the harness if needed. */
  public StreamOperator<OUT> getOperator() {
    try {
      ensureOpen();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Could not open the operator: " + e, e);
    }
    return operator;
  }

  /** Delivers a watermark, firing event-time timers at or below it. */
  public H processWatermark(long watermark) throws Exception {
    ensureOpen();
    operator.processWatermark(watermark);
    processCompletions();
    return self();
  }

  /** Delivers a change of the input's watermark status (idle or active). */
  public H processWatermarkStatus(WatermarkStatus status) throws Exception {
    ensureOpen();
    operator.processWatermarkStatus(status);
    return self();
  }

  /** Signals the end of input: the operator emits what it holds (batch results, final timers). */
  public H endInput() throws Exception {
    ensureOpen();
    awaitNothingInFlight();
    if (operator instanceof BoundedOneInput bounded) {
      bounded.endInput();
    }
    operator.finish();
    return self();
  }

  /**
   * For async operators: processes the results that other threads completed so far, as the task
   * does on each step. Every other harness call does this too.
   */
  public H processCompletions() throws Exception {
    ensureOpen();
    if (operator instanceof InFlightOperator inFlight) {
      inFlight.runCompletions();
    }
    return self();
  }

  // Large enough for any test state; snapshots of a harness stay in memory.
  private static final CheckpointStreamFactory SNAPSHOT_STREAMS = new MemoryCheckpointStreamFactory(64 << 20);

  private static final long IN_FLIGHT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  // End of input waits for in-flight records like the task does, bounded so a test cannot hang.
  private void awaitNothingInFlight() throws Exception {
    if (!(operator instanceof InFlightOperator inFlight)) {
      return;
    }
    long deadline = System.nanoTime() + IN_FLIGHT_WAIT_NANOS;
    while (true) {
      inFlight.runCompletions();
      if (!inFlight.hasInFlight()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("endInput: records still in flight after 30 s; complete their"
            + " result futures (or advance the processing time past their timeout) first");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** The values emitted so far, in order. */
  public List<OUT> extractOutputValues() {
    List<OUT> values = new ArrayList<>();
    for (StreamRecord<OUT> r : output.records) {
      values.add(r.value());
    }
    return values;
  }

  /** The records emitted so far, with timestamps. */
  public List<StreamRecord<OUT>> getOutput() {
    return List.copyOf(output.records);
  }

  /** The values emitted so far to the side output {@code tag}. */
  @SuppressWarnings("unchecked")
  public <X> List<X> getSideOutput(OutputTag<X> tag) {
    List<X> values = new ArrayList<>();
    for (StreamRecord<Object> r : output.sideOutputs.getOrDefault(tag.getId(), List.of())) {
      values.add((X) r.value());
    }
    return values;
  }

  /** The watermarks emitted so far. */
  public List<Long> getWatermarks() {
    return List.copyOf(output.watermarks);
  }

  /** The main output so far, in emission order: {@link StreamRecord}s and {@code Watermark}s. */
  public List<Object> getRecordsAndWatermarks() {
    return List.copyOf(output.recordsAndWatermarks);
  }

  /** The watermark status changes (idle, active) emitted so far. */
  public List<WatermarkStatus> getWatermarkStatuses() {
    return List.copyOf(output.statuses);
  }

  /** Forgets the output recorded so far. */
  public H clearOutput() {
    output.recordsAndWatermarks.clear();
    output.records.clear();
    output.sideOutputs.clear();
    output.watermarks.clear();
    output.statuses.clear();
    return self();
  }

  /** Closes the operator and its function. */
  @Override
  public void close() throws Exception {
    if (opened && !closed) {
      closed = true;
      try {
        operator.close();
      } finally {
        state.dispose();
      }
    }
  }
}
