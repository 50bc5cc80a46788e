package io.spate.runtime.operators;

import io.spate.runtime.checkpoint.barrier.CheckpointSettings;

import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.OptionalLong;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TaskInfo;
import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.operators.ProcessingTimeService;

/**
 * What the task gives each of its operators: identity, settings, metrics and the clock.
 *
 * @param jobId the job
 * @param operatorName the operator's name
 * @param taskInfo the task and subtask
 * @param executionConfig the job's settings for functions
 * @param runtimeMode STREAMING or BATCH
 * @param metricGroup the operator's metric group
 * @param userClassLoader the class loader of the job's code
 * @param processingTimeService the task's clock and timer queue
 * @param maxParallelism the operator's number of key groups
 * @param keyType the type of the state key on keyed streams, else null
 * @param configuration the job's configuration (state backend choice and sizes)
 * @param restoredCheckpointId the checkpoint or savepoint the job restores from, if any
 * @param restoredState what this operator instance restores from ({@link OperatorSubtaskState#EMPTY} if nothing)
 */
public record OperatorContext(
    JobID jobId,
    String operatorName,
    TaskInfo taskInfo,
    ExecutionConfig executionConfig,
    RuntimeExecutionMode runtimeMode,
    MetricGroup metricGroup,
    ClassLoader userClassLoader,
    ProcessingTimeService processingTimeService,
    int maxParallelism,
    TypeInformation<?> keyType,
    Configuration configuration,
    OptionalLong restoredCheckpointId,
    OperatorSubtaskState restoredState) {

  /**
   * Whether the task waits for a final checkpoint after its operators finished, so that they commit
   * what they prepared at the end of their input on that checkpoint's completion, not at once.
   */
  public boolean finalCheckpointFollowsEndOfInput() {
    return CheckpointSettings.from(configuration).awaitsFinalCheckpoint(runtimeMode);
  }

  /** The key groups that this parallel instance owns. */
  public KeyGroupRange keyGroupRange() {
    return KeyGroupAssignment.rangeForSubtask(
        maxParallelism, taskInfo.numberOfParallelSubtasks(), taskInfo.indexOfThisSubtask());
  }
}
