package io.spate.connectors.jdbc;

import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.CheckpointListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A pass-through map that fails a job run on purpose, in order, once each: at a record after a
 * checkpoint completed ({@link Step#RECORD}), or while a checkpoint's completion is being
 * announced, before the sink chained after it has committed ({@link Step#CHECKPOINT_COMPLETE}).
 * Every step waits until a checkpoint has completed in an attempt after the previous failure's, so
 * that each failure is a recovery of its own and starts from a checkpoint.
 */
final class FailureScript extends RichMapFunction<Long, Long> implements CheckpointListener {

  private static final long serialVersionUID = 1L;

  /** Where a step fails. */
  enum Step { RECORD, CHECKPOINT_COMPLETE }

  private static final Map<String, AtomicInteger> DONE = new ConcurrentHashMap<>();
  private static final Map<String, Long> FIRST_FAILURE_AFTER = new ConcurrentHashMap<>();
  private static final Map<String, Long> OBSERVED = new ConcurrentHashMap<>();
  // The attempt of the last failure by run: the next step waits for a later attempt, so that a
  // subtask still running after another failed cannot use up a step in the same failover.
  private static final Map<String, Integer> LAST_ATTEMPT = new ConcurrentHashMap<>();

  private final String runId;
  private final Step[] steps;
  private final SerializableLongSupplier observe;
  private transient volatile long completedThisAttempt;

  /** A supplier that ships with the job. */
  interface SerializableLongSupplier extends LongSupplier, java.io.Serializable {}

  /**
   * Fails run {@code runId} at {@code steps}, in order; at a {@link Step#CHECKPOINT_COMPLETE} step
   * it first records {@code observe}'s value (say, the prepared transactions the database holds).
   */
  FailureScript(String runId, SerializableLongSupplier observe, Step... steps) {
    this.runId = runId;
    this.observe = observe;
    this.steps = steps.clone();
    DONE.putIfAbsent(runId, new AtomicInteger());
  }

  @Override
  public Long map(Long value) {
    failIfNext(Step.RECORD, "at record " + value);
    return value;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    long before = completedThisAttempt;
    completedThisAttempt = checkpointId;
    if (before > 0) {
      failIfNext(Step.CHECKPOINT_COMPLETE, "while checkpoint " + checkpointId + " completes");
    }
  }

  private void failIfNext(Step step, String where) {
    AtomicInteger done = DONE.get(runId);
    int next = done.get();
    if (next >= steps.length || steps[next] != step || completedThisAttempt == 0
        || getRuntimeContext().getAttemptNumber() <= LAST_ATTEMPT.getOrDefault(runId, -1)) {
      return;
    }
    if (step == Step.CHECKPOINT_COMPLETE) {
      OBSERVED.put(runId + "#" + next, observe.getAsLong());
    }
    if (done.compareAndSet(next, next + 1)) {
      LAST_ATTEMPT.put(runId, getRuntimeContext().getAttemptNumber());
      FIRST_FAILURE_AFTER.putIfAbsent(runId, completedThisAttempt);
      throw new IllegalStateException("injected failure " + (next + 1) + " " + where);
    }
  }

  /** How many failures run {@code runId} injected. */
  static int failures(String runId) {
    AtomicInteger done = DONE.get(runId);
    return done == null ? 0 : done.get();
  }

  /** The checkpoint the first failing subtask had heard completed, or 0. */
  static long checkpointBeforeFirstFailure(String runId) {
    return FIRST_FAILURE_AFTER.getOrDefault(runId, 0L);
  }

  /** What step {@code index} (0-based, a {@link Step#CHECKPOINT_COMPLETE}) observed, or null. */
  static Long observed(String runId, int index) {
    return OBSERVED.get(runId + "#" + index);
  }
}
