package io.spate.api.functions;

import io.spate.api.accumulators.Accumulator;
import io.spate.api.accumulators.DoubleCounter;
import io.spate.api.accumulators.Histogram;
import io.spate.api.accumulators.IntCounter;
import io.spate.api.accumulators.LongCounter;
import io.spate.api.annotation.Public;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.TaskInfo;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import java.io.Serializable;
import java.util.Map;

/**
 * What a rich function can learn about where it runs (its task, subtask, job, metrics) and where it
 * keeps keyed state.
 */
@Public
public interface RuntimeContext {

  /** The job this function runs in. */
  JobID getJobId();

  /** The task and subtask this function runs in. */
  TaskInfo getTaskInfo();

  /** The job's execution config. */
  ExecutionConfig getExecutionConfig();

  /** The metric group of this operator's parallel instance. */
  MetricGroup getMetricGroup();

  /** The class loader that loaded the job's code. */
  ClassLoader getUserCodeClassLoader();

  /** The name of the task. */
  default String getTaskName() {
    return getTaskInfo().taskName();
  }

  /** The task name with the subtask, as {@code "name (2/4)"}. */
  default String getTaskNameWithSubtasks() {
    return getTaskInfo().getTaskNameWithSubtasks();
  }

  /** The 0-based index of this parallel instance. */
  default int getIndexOfThisSubtask() {
    return getTaskInfo().indexOfThisSubtask();
  }

  /** The parallelism of this operator. */
  default int getNumberOfParallelSubtasks() {
    return getTaskInfo().numberOfParallelSubtasks();
  }

  /** The max parallelism (number of key groups). */
  default int getMaxNumberOfParallelSubtasks() {
    return getTaskInfo().maxNumberOfParallelSubtasks();
  }

  /** 0 on the first attempt; incremented on every restart. */
  default int getAttemptNumber() {
    return getTaskInfo().attemptNumber();
  }

  /** The value state of the current key described by {@code descriptor}; keyed streams only. */
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  /** The list state of the current key described by {@code descriptor}; keyed streams only. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /** The reducing state of the current key described by {@code descriptor}; keyed streams only. */
  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  /** The aggregating state of the current key described by {@code descriptor}; keyed streams only. */
  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

  /** The map state of the current key described by {@code descriptor}; keyed streams only. */
  <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);

  /**
   * The job's global parameters as key/value pairs: those set with {@code
   * env.getConfig().setGlobalJobParameters(...)}, empty if none.
   */
  default Map<String, String> getGlobalJobParameters() {
    return getExecutionConfig().getGlobalJobParameters().toMap();
  }

  // ---------------------------------------------------------------- accumulators and serializers

  /**
   * Registers {@code accumulator} under {@code name} in this task: its local value is merged with
   * those of the other subtasks when the job ends, into {@code JobExecutionResult.getAccumulatorResult(name)}.
   * Operators chained into one task share their accumulators' names.
   *
   * @throws UnsupportedOperationException if an accumulator of that name is registered already
   */
  <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

  /** The accumulator registered under {@code name} in this task, or null if there is none. */
  <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name);

  /**
   * The {@link IntCounter} registered under {@code name}, registering a new one if there is none.
   *
   * @throws UnsupportedOperationException if an accumulator of another kind has that name
   */
  default IntCounter getIntCounter(String name) {
    return getOrAddAccumulator(name, IntCounter.class, IntCounter::new);
  }

  /** The {@link LongCounter} under {@code name}, registered if new; see {@link #getIntCounter}. */
  default LongCounter getLongCounter(String name) {
    return getOrAddAccumulator(name, LongCounter.class, LongCounter::new);
  }

  /** The {@link DoubleCounter} under {@code name}, registered if new; see {@link #getIntCounter}. */
  default DoubleCounter getDoubleCounter(String name) {
    return getOrAddAccumulator(name, DoubleCounter.class, DoubleCounter::new);
  }

  /** The {@link Histogram} under {@code name}, registered if new; see {@link #getIntCounter}. */
  default Histogram getHistogram(String name) {
    return getOrAddAccumulator(name, Histogram.class, Histogram::new);
  }

  /** The files the job registered with {@code env.registerCachedFile(path, name)}. */
  io.spate.api.common.DistributedCache getDistributedCache();

  /** Whether the job lets operators reuse record objects ({@code ExecutionConfig.enableObjectReuse()}). */
  default boolean isObjectReuseEnabled() {
    return getExecutionConfig().isObjectReuseEnabled();
  }

  /** A serializer of the values {@code typeInformation} describes, under the job's serializer config. */
  default <T> TypeSerializer<T> createSerializer(TypeInformation<T> typeInformation) {
    return typeInformation.createSerializer(getExecutionConfig().getSerializerConfig());
  }

  private <A extends Accumulator<?, ?>> A getOrAddAccumulator(
      String name, Class<A> kind, java.util.function.Supplier<A> create) {
    Accumulator<Object, Serializable> existing = getAccumulator(name);
    if (existing == null) {
      A created = create.get();
      @SuppressWarnings("unchecked")
      Accumulator<Object, Serializable> added = (Accumulator<Object, Serializable>) created;
      addAccumulator(name, added);
      return created;
    }
    if (!kind.isInstance(existing)) {
      throw new UnsupportedOperationException("The accumulator '" + name + "' is a " + existing.getClass().getName()
          + ", not a " + kind.getName() + ": use another name, or getAccumulator(name).");
    }
    return kind.cast(existing);
  }

  // ---------------------------------------------------------------- broadcast variables of Flink's DataSet API

  /**
   * Fails as Flink's streaming runtime context does: broadcast variables belong to the DataSet API.
   *
   * @throws UnsupportedOperationException always, saying to use broadcast state instead
   */
  default boolean hasBroadcastVariable(String name) {
    throw noBroadcastVariables(name);
  }

  /**
   * Fails as Flink's streaming runtime context does: broadcast variables belong to the DataSet API.
   *
   * @throws UnsupportedOperationException always, saying to use broadcast state instead
   */
  default <RT> java.util.List<RT> getBroadcastVariable(String name) {
    throw noBroadcastVariables(name);
  }

  private static UnsupportedOperationException noBroadcastVariables(String name) {
    return new UnsupportedOperationException("Broadcast variables can only be used in DataSet programs, which Spate"
        + " does not have (asked for '" + name + "'); share data with every subtask through broadcast state:"
        + " stream.broadcast(descriptor) and connect(...).process(BroadcastProcessFunction).");
  }
}
