package io.spate.runtime.execution;

import io.spate.runtime.rpc.PortableFailure;
import io.spate.runtime.rpc.SerializedValue;

/**
 * A report of a subtask's state to the JobMaster, with its record counts so far.
 *
 * @param attemptId the attempt
 * @param state its new state
 * @param failure the cause, when the state is FAILED
 * @param recordsIn records the subtask read from the network
 * @param sourceRecordsOut records its source reader emitted
 * @param accumulators when the state is FINISHED, the subtask's accumulators by name, serialized (they
 *     may be of the job's classes, which only the client reads); else null
 */
public record TaskExecutionState(
    ExecutionAttemptID attemptId, ExecutionState state, Throwable failure, long recordsIn, long sourceRecordsOut,
    SerializedValue<java.util.Map<String, io.spate.api.accumulators.Accumulator<?, ?>>> accumulators)
    implements java.io.Serializable {

  /** A report without accumulators. */
  public TaskExecutionState(
      ExecutionAttemptID attemptId, ExecutionState state, Throwable failure, long recordsIn, long sourceRecordsOut) {
    this(attemptId, state, failure, recordsIn, sourceRecordsOut, null);
  }

  /** Counter name of records read from the network. */
  public static final String RECORDS_IN = "numRecordsIn";

  /** Counter name of records emitted by sources. */
  public static final String SOURCE_RECORDS_OUT = "numSourceRecordsOut";

  private static final long serialVersionUID = 1L;

  /** Travels with a failure the JobMaster's process can read even if its class is the job's own. */
  private Object writeReplace() {
    Throwable portable = PortableFailure.of(failure);
    return portable == failure ? this : new TaskExecutionState(attemptId, state, portable, recordsIn, sourceRecordsOut, accumulators);
  }
}
