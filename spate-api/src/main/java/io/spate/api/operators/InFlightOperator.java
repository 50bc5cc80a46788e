package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * A one-input operator whose records outlive their {@code processElement} call (async I/O): results
 * complete on other threads and are emitted later. The task asks it before each record whether it
 * takes more, lets it run the completions other threads handed over (on the task's thread), and at
 * the end of input waits until nothing is in flight before finishing it. Such an operator heads its
 * chain; its factory says so with {@link StreamOperatorFactory#keepsRecordsInFlight()}.
 */
@PublicEvolving
public interface InFlightOperator {

  /** Whether the operator takes another record now; false while it is at capacity. */
  boolean canTakeInput();

  /** Processes, on the task's thread, the completions handed over so far; true if there were any. */
  boolean runCompletions() throws Exception;

  /** Whether records are still in flight (started, or completed but not yet emitted). */
  boolean hasInFlight();
}
