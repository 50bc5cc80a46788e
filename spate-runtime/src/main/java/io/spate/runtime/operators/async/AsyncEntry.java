package io.spate.runtime.operators.async;

import java.util.Collection;

/**
 * One input record of an async operator from its arrival until its results are emitted: its
 * attempts, its deadline, and its place in the deadline list and the result queue.
 */
final class AsyncEntry<IN, OUT> {

  static final long NO_DEADLINE = Long.MAX_VALUE;

  final IN input;
  final long timestamp;
  final long deadline;

  int attempts;
  Attempt<OUT> current;
  boolean timedOut;
  boolean awaitingRetry;
  boolean finalized;
  Collection<OUT> result;

  AsyncEntry<?, ?> earlier;
  AsyncEntry<?, ?> later;
  boolean inDeadlineList;

  /** The unordered queue's segment this entry belongs to, until its results are emitted. */
  Object segment;
  /** Neighbours in the unordered queue's list of records not yet emitted. */
  AsyncEntry<?, ?> previousPending;
  AsyncEntry<?, ?> nextPending;

  AsyncEntry(IN input, long timestamp, long deadline) {
    this.input = input;
    this.timestamp = timestamp;
    this.deadline = deadline;
  }
}
