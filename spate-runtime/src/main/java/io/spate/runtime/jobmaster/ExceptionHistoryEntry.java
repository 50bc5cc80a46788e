package io.spate.runtime.jobmaster;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One failure of a job, as {@code GET /jobs/{jobid}/exceptions} reports it.
 *
 * @param timestamp when the JobMaster learned of the failure, in epoch milliseconds
 * @param description the failure as the job's log states it (job, task, operator, subtask, cause)
 * @param rootCauseClass the class of the innermost cause
 * @param rootCauseMessage the message of the innermost cause, or null if it has none
 * @param stackTrace the stack trace of the exception the task (or coordinator) failed with, causes included
 * @param location where it happened, or null for a failure outside any subtask (a coordinator, scheduling)
 * @param outcome whether the job restarted or ended
 */
public record ExceptionHistoryEntry(long timestamp, String description, String rootCauseClass,
    String rootCauseMessage, String stackTrace, FailureLocation location, Outcome outcome)
    implements java.io.Serializable {

  /** What the failure led to. */
  public enum Outcome {
    /** The restart strategy restarted the job. */
    RESTARTED,
    /** The job failed for good. */
    FAILED_JOB
  }

  // A stack overflow's trace runs to a thousand frames and more; the history keeps the start of it.
  static final int MAX_STACK_TRACE_CHARS = 64 * 1024;
  private static final int MAX_CAUSE_DEPTH = 64;

  /** The entry for {@code failure}, as seen now. */
  static ExceptionHistoryEntry of(Throwable failure, Outcome outcome) {
    Throwable thrown = failure instanceof SubtaskFailure && failure.getCause() != null ? failure.getCause() : failure;
    Throwable root = thrown;
    // Bounded, because a cause chain may loop.
    for (int depth = 0; depth < MAX_CAUSE_DEPTH && root.getCause() != null && root.getCause() != root; depth++) {
      root = root.getCause();
    }
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    String stackTrace = trace.toString();
    if (stackTrace.length() > MAX_STACK_TRACE_CHARS) {
      stackTrace = stackTrace.substring(0, MAX_STACK_TRACE_CHARS) + "\n\t... (" + (stackTrace.length()
          - MAX_STACK_TRACE_CHARS) + " more characters left out)\n";
    }
    FailureLocation location = failure instanceof SubtaskFailure subtask ? subtask.location() : null;
    return new ExceptionHistoryEntry(System.currentTimeMillis(), failure.getMessage(), root.getClass().getName(),
        root.getMessage(), stackTrace, location, outcome);
  }
}
