package io.spate.runtime.operators;

/**
 * A head operator whose records outlive their {@code processElement} call (async I/O): the task
 * asks it before each record whether it takes more, lets it run the completions other threads
 * handed over, and waits at end of input until nothing is in flight before finishing it.
 */
public interface InFlightOperator {

  /** Whether the operator takes another record now; false while it is at capacity. */
  boolean canTakeInput();

  /** Processes, on the task's thread, the completions handed over so far; true if there were any. */
  boolean runCompletions() throws Exception;

  /** Whether records are still in flight (started, or completed but not yet emitted). */
  boolean hasInFlight();
}
