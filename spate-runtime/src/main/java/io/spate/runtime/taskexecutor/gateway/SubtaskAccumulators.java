package io.spate.runtime.taskexecutor.gateway;

import io.spate.api.accumulators.Accumulator;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.rpc.SerializedValue;
import java.util.Map;

/**
 * The current values of the accumulators that a running subtask's functions registered, serialized on
 * its TaskExecutor: they may be of the job's own classes.
 *
 * @param attemptId the subtask's attempt
 * @param accumulators its accumulators by name
 */
public record SubtaskAccumulators(ExecutionAttemptID attemptId,
    SerializedValue<Map<String, Accumulator<?, ?>>> accumulators) implements java.io.Serializable {}
