package io.spate.api.functions;

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
}
