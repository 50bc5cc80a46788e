package io.spate.runtime.execution;

import io.spate.runtime.rpc.PortableFailure;

/**
 * A report of a subtask's state to the JobMaster, with its record counts so far.
 *
 * @param attemptId the attempt
 * @param state its new state
 * @param failure the cause, when the state is FAILED
 * @param recordsIn records the subtask read from the network
 * @param sourceRecordsOut records its source reader emitted
 */
public record TaskExecutionState(
    ExecutionAttemptID attemptId, ExecutionState state, Throwable failure, long recordsIn, long sourceRecordsOut)
    implements java.io.Serializable {

  /** Counter name of records read from the network. */
  public static final String RECORDS_IN = "numRecordsIn";

  /** Counter name of records emitted by sources. */
  public static final String SOURCE_RECORDS_OUT = "numSourceRecordsOut";

  private static final long serialVersionUID = 1L;

  /** Travels with a failure the JobMaster's process can read even if its class is the job's own. */
  private Object writeReplace() {
    Throwable portable = PortableFailure.of(failure);
    return portable == failure ? this : new TaskExecutionState(attemptId, state, portable, recordsIn, sourceRecordsOut);
  }
}
