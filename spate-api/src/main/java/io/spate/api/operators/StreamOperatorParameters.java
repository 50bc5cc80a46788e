package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TaskInfo;
import io.spate.api.configuration.Configuration;
import io.spate.api.functions.KeySelector;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.typeinfo.TypeInformation;

/**
 * What the runtime gives an operator in {@link StreamOperator#setup}: where it emits, who it is,
 * the job's settings, the clock, and its state. Implemented by the runtime.
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public interface StreamOperatorParameters<OUT> {

  /** Where the operator emits records and watermarks. */
  Output<OUT> getOutput();

  /** The job this operator runs in. */
  JobID getJobId();

  /** The operator's name, for messages. */
  String getOperatorName();

  /** The task and subtask: index, parallelism, max parallelism, attempt. */
  TaskInfo getTaskInfo();

  /** The job's settings for functions. */
  ExecutionConfig getExecutionConfig();

  /** STREAMING or BATCH. */
  RuntimeExecutionMode getRuntimeMode();

  /** The operator's metric group. */
  MetricGroup getMetricGroup();

  /** The class loader of the job's code. */
  ClassLoader getUserClassLoader();

  /** The job's configuration. */
  Configuration getJobConfiguration();

  /** The task's clock and processing-time callbacks. */
  ProcessingTimeService getProcessingTimeService();

  /**
   * The state key selector of input {@code input} (0 for the first) of an operator on a keyed stream,
   * or null where that input is not keyed. Before each record of a keyed input reaches the operator,
   * the runtime makes its key the current key.
   */
  KeySelector<?, ?> getStateKeySelector(int input);

  /** The type of the state key of an operator on a keyed stream, else null. */
  TypeInformation<?> getStateKeyType();

  /** The operator's state, created (and restored) by the runtime. */
  StreamOperatorStateContext getStateContext();

  /**
   * The accumulators of the operator's task by name, shared by the operators chained in it; the
   * runtime merges those of all subtasks into the job's result when the job ends.
   *
   * @throws UnsupportedOperationException where the operator runs without a task that collects them
   */
  default java.util.Map<String, io.spate.api.accumulators.Accumulator<?, ?>> getAccumulators() {
    throw new UnsupportedOperationException("Operator '" + getOperatorName() + "' runs where no task collects"
        + " accumulators (" + getClass().getName() + "); run it in a job to use accumulators.");
  }
}
