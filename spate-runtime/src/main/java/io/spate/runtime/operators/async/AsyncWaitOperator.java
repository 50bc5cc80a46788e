package io.spate.runtime.operators.async;

import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.AsyncRetryPredicate;
import io.spate.api.functions.async.AsyncRetryStrategy;
import io.spate.runtime.operators.AbstractStreamOperator;
import io.spate.runtime.operators.InFlightOperator;
import io.spate.runtime.operators.OneInputStreamOperator;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.tasks.ProcessingTimeService;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs an {@link AsyncFunction}: keeps up to {@code capacity} records in flight, takes their
 * completions from any thread through a bounded inbox that the task drains on its own thread,
 * times them out and retries them with processing-time timers, and emits their results (with the
 * input record's timestamp) in the order its {@link ResultQueue} allows.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public final class AsyncWaitOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT>, InFlightOperator, ResultQueue.Emitter {

  private static final long NOT_ARMED = Long.MIN_VALUE;

  private final AsyncFunction<IN, OUT> function;
  private final boolean ordered;
  private final long timeoutMillis;
  private final int capacity;
  private final AsyncRetryStrategy<OUT> retryStrategy;
  private final Predicate<Collection<OUT>> retryOnResult;
  private final Predicate<Throwable> retryOnFailure;
  // Each in-flight record has at most one completed attempt waiting here, so it never overflows.
  private final ArrayBlockingQueue<Attempt<?>> inbox;
  private final ProcessingTimeService.Callback deadlineCallback = this::onDeadline;

  private ResultQueue queue;
  private ProcessingTimeService timeService;
  private int inFlight;
  private AsyncEntry<?, ?> earliestDeadline;
  private AsyncEntry<?, ?> latestDeadline;
  private long armedAt = NOT_ARMED;
  private volatile boolean closed;

  /**
   * Creates the operator; a {@code timeoutMillis} of zero means no timeout, a null
   * {@code retryStrategy} no retries.
   */
  public AsyncWaitOperator(AsyncFunction<IN, OUT> function, boolean ordered, long timeoutMillis, int capacity,
      AsyncRetryStrategy<OUT> retryStrategy) {
    super(function);
    if (capacity <= 0 || timeoutMillis < 0) {
      throw new IllegalArgumentException("capacity " + capacity + " and timeout " + timeoutMillis + " ms");
    }
    this.function = function;
    this.ordered = ordered;
    this.timeoutMillis = timeoutMillis;
    this.capacity = capacity;
    this.retryStrategy = retryStrategy;
    AsyncRetryPredicate<OUT> predicate = retryStrategy == null ? null : retryStrategy.getRetryPredicate();
    this.retryOnResult = predicate == null ? null : predicate.resultPredicate().orElse(null);
    this.retryOnFailure = predicate == null ? null : predicate.exceptionPredicate().orElse(null);
    this.inbox = new ArrayBlockingQueue<>(capacity);
  }

  @Override
  public void open() throws Exception {
    timeService = context.processingTimeService();
    queue = ordered ? new OrderedResultQueue(capacity, this) : new UnorderedResultQueue(this);
    super.open();
  }

  // ------------------------------------------------------------------ input

  @Override
  public boolean canTakeInput() {
    return inFlight < capacity;
  }

  @Override
  public boolean hasInFlight() {
    return inFlight > 0;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    if (inFlight >= capacity) {
      throw new IllegalStateException("Operator '" + getName() + "' already has " + capacity
          + " records in flight; the task must wait for canTakeInput()");
    }
    long deadline = timeoutMillis > 0 ? timeService.currentProcessingTime() + timeoutMillis : AsyncEntry.NO_DEADLINE;
    AsyncEntry<IN, OUT> entry = new AsyncEntry<>(value, timestamp, deadline);
    inFlight++;
    queue.add(entry);
    if (deadline != AsyncEntry.NO_DEADLINE) {
      trackDeadline(entry);
    }
    entry.attempts = 1;
    entry.current = new Attempt<>(entry, inbox);
    function.asyncInvoke(value, entry.current);
  }

  @Override
  public void processWatermark(long watermark) {
    queue.addWatermark(watermark);
  }

  @Override
  public void finish() {
    if (inFlight > 0) {
      throw new IllegalStateException("Operator '" + getName() + "' was finished with " + inFlight
          + " records in flight; the task must wait until hasInFlight() is false");
    }
  }

  @Override
  public void close() throws Exception {
    closed = true;
    inbox.clear();
    super.close();
  }

  // ------------------------------------------------------------------ completions

  @Override
  public boolean runCompletions() throws Exception {
    boolean any = false;
    Attempt<?> attempt;
    while (!closed && (attempt = inbox.poll()) != null) {
      any = true;
      onCompleted(attempt);
    }
    return any;
  }

  @SuppressWarnings("unchecked")
  private void onCompleted(Attempt<?> completed) throws Exception {
    Attempt<OUT> attempt = (Attempt<OUT>) completed;
    AsyncEntry<IN, OUT> entry = (AsyncEntry<IN, OUT>) attempt.entry;
    if (entry.finalized || attempt != entry.current) {
      return;
    }
    if (!entry.timedOut && shouldRetry(attempt) && retryStrategy.canRetry(entry.attempts)) {
      entry.awaitingRetry = true;
      long retryAt = timeService.currentProcessingTime() + Math.max(0, retryStrategy.getBackoffTimeMillis(entry.attempts));
      // A retry due after the deadline never runs: the timeout comes first and takes over.
      if (retryAt < entry.deadline) {
        timeService.schedule(retryAt, time -> retry(entry));
      }
      return;
    }
    if (attempt.failure != null) {
      throw failureOf(entry, attempt.failure);
    }
    entry.result = attempt.result;
    entry.finalized = true;
    untrackDeadline(entry);
    queue.onFinalized(entry);
  }

  private boolean shouldRetry(Attempt<OUT> attempt) {
    if (retryStrategy == null) {
      return false;
    }
    return attempt.failure != null
        ? retryOnFailure != null && retryOnFailure.test(attempt.failure)
        : retryOnResult != null && retryOnResult.test(attempt.result);
  }

  private void retry(AsyncEntry<IN, OUT> entry) {
    if (closed || !entry.awaitingRetry) {
      return;
    }
    entry.awaitingRetry = false;
    entry.attempts++;
    entry.current = new Attempt<>(entry, inbox);
    try {
      function.asyncInvoke(entry.input, entry.current);
    } catch (Exception e) {
      throw new OperatorFailure(getName(), e);
    }
  }

  private Exception failureOf(AsyncEntry<IN, OUT> entry, Throwable failure) {
    if (entry.timedOut && failure instanceof TimeoutException) {
      TimeoutException timeout = new TimeoutException("The async request timed out after " + timeoutMillis
          + " ms (" + entry.attempts + (entry.attempts == 1 ? " attempt)" : " attempts)"));
      timeout.initCause(failure);
      return timeout;
    }
    if (failure instanceof Exception e) {
      return e;
    }
    return new Exception("The async request failed: " + failure, failure);
  }

  @Override
  public void emitResults(AsyncEntry<?, ?> entry) {
    inFlight--;
    @SuppressWarnings("unchecked")
    Collection<OUT> result = (Collection<OUT>) entry.result;
    for (OUT value : result) {
      output.collect(value, entry.timestamp);
    }
    entry.result = null;
  }

  @Override
  public void emitWatermark(long watermark) {
    output.emitWatermark(watermark);
  }

  // ------------------------------------------------------------------ timeouts

  // Deadlines are the arrival time plus one fixed timeout, so arrival order is deadline order: a
  // linked list of the unfinished entries and a single armed timer keep the timer queue small.
  private void trackDeadline(AsyncEntry<?, ?> entry) {
    entry.inDeadlineList = true;
    entry.earlier = latestDeadline;
    if (latestDeadline == null) {
      earliestDeadline = entry;
    } else {
      latestDeadline.later = entry;
    }
    latestDeadline = entry;
    if (armedAt == NOT_ARMED) {
      arm(entry.deadline);
    }
  }

  private void untrackDeadline(AsyncEntry<?, ?> entry) {
    if (!entry.inDeadlineList) {
      return;
    }
    entry.inDeadlineList = false;
    if (entry.earlier == null) {
      earliestDeadline = entry.later;
    } else {
      entry.earlier.later = entry.later;
    }
    if (entry.later == null) {
      latestDeadline = entry.earlier;
    } else {
      entry.later.earlier = entry.earlier;
    }
    entry.earlier = null;
    entry.later = null;
  }

  private void arm(long time) {
    armedAt = time;
    timeService.schedule(time, deadlineCallback);
  }

  private void onDeadline(long time) {
    armedAt = NOT_ARMED;
    if (closed) {
      return;
    }
    AsyncEntry<?, ?> expired;
    while ((expired = earliestDeadline) != null && expired.deadline <= time) {
      untrackDeadline(expired);
      timeOut(expired);
    }
    if (earliestDeadline != null) {
      arm(earliestDeadline.deadline);
    }
  }

  @SuppressWarnings("unchecked")
  private void timeOut(AsyncEntry<?, ?> expired) {
    AsyncEntry<IN, OUT> entry = (AsyncEntry<IN, OUT>) expired;
    entry.timedOut = true;
    if (entry.awaitingRetry) {
      entry.awaitingRetry = false;
      entry.current = new Attempt<>(entry, inbox);
    } else if (entry.current.isCompleted()) {
      return; // its completion is in the inbox and decides the outcome
    }
    try {
      function.timeout(entry.input, entry.current);
    } catch (Exception e) {
      throw new OperatorFailure(getName(), e);
    }
  }
}
