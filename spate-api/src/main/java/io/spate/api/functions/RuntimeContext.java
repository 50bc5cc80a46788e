package io.spate.api.functions;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.TaskInfo;
import io.spate.api.metrics.MetricGroup;

/** What a rich function can learn about where it runs: its task, subtask, job, metrics. */
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
}
