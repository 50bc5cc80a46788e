package io.spate.runtime.operators.async;

import io.spate.api.functions.async.ResultFuture;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The {@link ResultFuture} of one invocation of the async function for one record. It may be
 * completed from any thread; the first completion is handed to the operator's completion inbox,
 * which the task drains on its own thread, and later completions are ignored (as in Flink).
 */
final class Attempt<OUT> implements ResultFuture<OUT> {

  // A field updater rather than an AtomicBoolean: one object less per record.
  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<Attempt> COMPLETED =
      AtomicIntegerFieldUpdater.newUpdater(Attempt.class, "completed");

  final AsyncEntry<?, OUT> entry;
  private final Queue<Attempt<?>> inbox;
  private volatile int completed;
  // Written before the hand-over through the inbox, which publishes them to the task's thread.
  Collection<OUT> result;
  Throwable failure;

  Attempt(AsyncEntry<?, OUT> entry, Queue<Attempt<?>> inbox) {
    this.entry = entry;
    this.inbox = inbox;
  }

  @Override
  public void complete(Collection<OUT> result) {
    if (result == null) {
      completeExceptionally(new NullPointerException(
          "ResultFuture.complete(null): complete with an empty collection when there is no result."));
      return;
    }
    if (COMPLETED.compareAndSet(this, 0, 1)) {
      this.result = result;
      inbox.offer(this);
    }
  }

  @Override
  public void completeExceptionally(Throwable error) {
    if (COMPLETED.compareAndSet(this, 0, 1)) {
      this.failure = error != null ? error
          : new NullPointerException("ResultFuture.completeExceptionally(null): give the cause of the failure.");
      inbox.offer(this);
    }
  }

  boolean isCompleted() {
    return completed != 0;
  }
}
