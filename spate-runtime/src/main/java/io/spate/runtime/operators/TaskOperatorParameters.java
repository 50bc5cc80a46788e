package io.spate.runtime.operators;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TaskInfo;
import io.spate.api.configuration.Configuration;
import io.spate.api.functions.KeySelector;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.operators.Output;
import io.spate.api.operators.ProcessingTimeService;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.accumulators.Accumulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a task gives each operator it sets up: the operator's context, its output, its state and the
 * key selectors of its keyed inputs. Runtime operators reach the runtime's own types through
 * {@link #of} (the context, the checkpointable state); operators on the SPI see only the interface.
 *
 * @param <OUT> the output type
 * @param context the operator's context
 * @param output where the operator emits
 * @param stateHandler the operator's state, owned by the task
 * @param stateKeySelectors the state key selector of each input, null for inputs that are not keyed
 * @param accumulators the accumulators of the task, shared by its chained operators
 */
public record TaskOperatorParameters<OUT>(
    OperatorContext context,
    Output<OUT> output,
    StreamOperatorStateHandler stateHandler,
    List<KeySelector<?, ?>> stateKeySelectors,
    Map<String, Accumulator<?, ?>> accumulators) implements StreamOperatorParameters<OUT> {

  /** Parameters whose operator has accumulators of its own, as when it runs outside a task. */
  public TaskOperatorParameters(OperatorContext context, Output<OUT> output, StreamOperatorStateHandler stateHandler,
      List<KeySelector<?, ?>> stateKeySelectors) {
    this(context, output, stateHandler, stateKeySelectors, new ConcurrentHashMap<>());
  }

  /** The runtime's parameters behind {@code parameters}, for operators that need runtime types. */
  public static <OUT> TaskOperatorParameters<OUT> of(StreamOperatorParameters<OUT> parameters) {
    if (parameters instanceof TaskOperatorParameters<OUT> p) {
      return p;
    }
    throw new IllegalArgumentException("This operator runs only on Spate's runtime, which sets it up with its own"
        + " parameters, not with " + parameters.getClass().getName());
  }

  /**
   * Parameters for an operator run on its own (benchmarks, tests), with a new state handler that the
   * caller disposes after the operator closed.
   */
  public static <OUT> TaskOperatorParameters<OUT> standalone(OperatorContext context, Output<OUT> output) {
    return new TaskOperatorParameters<>(context, output, new StreamOperatorStateHandler(context), List.of());
  }

  @Override
  public Output<OUT> getOutput() {
    return output;
  }

  @Override
  public JobID getJobId() {
    return context.jobId();
  }

  @Override
  public String getOperatorName() {
    return context.operatorName();
  }

  @Override
  public TaskInfo getTaskInfo() {
    return context.taskInfo();
  }

  @Override
  public ExecutionConfig getExecutionConfig() {
    return context.executionConfig();
  }

  @Override
  public RuntimeExecutionMode getRuntimeMode() {
    return context.runtimeMode();
  }

  @Override
  public MetricGroup getMetricGroup() {
    return context.metricGroup();
  }

  @Override
  public ClassLoader getUserClassLoader() {
    return context.userClassLoader();
  }

  @Override
  public Configuration getJobConfiguration() {
    return context.configuration();
  }

  @Override
  public ProcessingTimeService getProcessingTimeService() {
    return context.processingTimeService();
  }

  @Override
  public KeySelector<?, ?> getStateKeySelector(int input) {
    return input < stateKeySelectors.size() ? stateKeySelectors.get(input) : null;
  }

  @Override
  public TypeInformation<?> getStateKeyType() {
    return context.keyType();
  }

  @Override
  public StreamOperatorStateHandler getStateContext() {
    return stateHandler;
  }

  @Override
  public Map<String, Accumulator<?, ?>> getAccumulators() {
    return accumulators;
  }
}
