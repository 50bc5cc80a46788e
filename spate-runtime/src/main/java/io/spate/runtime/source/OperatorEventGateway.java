package io.spate.runtime.source;

/** Sends events from an operator's subtask to its coordinator. */
@FunctionalInterface
public interface OperatorEventGateway {

  /** Sends {@code event}; delivery is asynchronous and in order. */
  void sendEventToCoordinator(OperatorEvent event);
}
