package io.spate.runtime.operators;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.TaskInfo;
import io.spate.api.functions.RuntimeContext;
import io.spate.api.metrics.MetricGroup;

/** The {@link RuntimeContext} that the runtime gives rich functions. */
public final class StreamingRuntimeContext implements RuntimeContext {

  private final OperatorContext context;

  /** Creates the runtime context of an operator. */
  public StreamingRuntimeContext(OperatorContext context) {
    this.context = context;
  }

  @Override
  public JobID getJobId() {
    return context.jobId();
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
  public MetricGroup getMetricGroup() {
    return context.metricGroup();
  }

  @Override
  public ClassLoader getUserCodeClassLoader() {
    return context.userClassLoader();
  }
}
