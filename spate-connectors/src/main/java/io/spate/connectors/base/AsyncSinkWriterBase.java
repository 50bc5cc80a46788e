package io.spate.connectors.base;

import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsBackpressure;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A sink writer for a client with asynchronous requests: {@link #write} buffers elements, batches
 * of them are {@link #submit submitted} with at most {@code maxInFlightRequests} in flight, and a
 * full buffer asks the task to pause ({@link SupportsBackpressure}) instead of blocking it. A
 * failed request is submitted again, up to {@code maxAttempts} times, and then fails the job with
 * the sink named. {@link #flush} waits until every buffered element is written, so a checkpoint
 * never completes with elements that are not (at-least-once).
 *
 * <p>Everything but the completion of the futures that {@link #submit} returns runs on the task
 * thread; completions are handed over through a queue that the task drains.
 *
 * @param <InputT> the element type
 */
public abstract class AsyncSinkWriterBase<InputT> implements SinkWriter<InputT>, SupportsBackpressure {

  // Asked on every step of the task: one completed future serves every "available" answer.
  private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

  private final String sinkName;
  private final AsyncSinkWriterOptions options;
  private final ArrayDeque<InputT> buffer = new ArrayDeque<>();
  /** Failed requests waiting for their next attempt, oldest first. */
  private final ArrayDeque<Request<InputT>> retries = new ArrayDeque<>();
  /** Completed requests, handed over by the client's threads; never more than the requests in flight. */
  private final BlockingQueue<Completion<InputT>> completions;
  private volatile CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
  private int inFlight;
  private IOException failure;

  private record Request<T>(List<T> elements, int attempt, long notBeforeNanos) {}

  private record Completion<T>(Request<T> request, Throwable error) {}

  /** A writer of sink {@code sinkName} (named in its errors) within {@code options}' limits. */
  protected AsyncSinkWriterBase(String sinkName, AsyncSinkWriterOptions options) {
    this.sinkName = Objects.requireNonNull(sinkName, "sinkName");
    this.options = Objects.requireNonNull(options, "options");
    this.completions = new ArrayBlockingQueue<>(options.maxInFlightRequests());
  }

  /**
   * Sends {@code batch} to the client without waiting for it; the stage completes when every
   * element of it is written, or exceptionally if the request failed, in which case the whole
   * batch is submitted again. Called on the task thread.
   */
  protected abstract CompletionStage<Void> submit(List<InputT> batch) throws Exception;

  @Override
  public void write(InputT element, Context context) throws IOException {
    Objects.requireNonNull(element, "element");
    drainCompletions();
    throwIfFailed();
    buffer.add(element);
    submitReady(false);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    // Bounded: each round takes at least one completion, and at most maxInFlightRequests are pending.
    for (int round = 0; round <= options.maxInFlightRequests(); round++) {
      drainCompletions();
      submitReady(false);
      if (failure != null || buffer.size() < options.maxBufferedElements()) {
        // A failure is reported by the next write or flush, so the task must call one.
        return AVAILABLE;
      }
      CompletableFuture<Void> current = available;
      if (current.isDone()) {
        current = new CompletableFuture<>();
        available = current;
      }
      // A request that completed before the new future was visible completed the old one: take it
      // into account here rather than answer "available" with a buffer that is still full.
      if (completions.isEmpty()) {
        return current;
      }
    }
    return available;
  }

  /**
   * Submits everything buffered and waits, up to the flush timeout, until every request has
   * completed; fails if one failed for good or the client did not answer in time.
   */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + options.flushTimeout().toNanos();
    drainCompletions();
    submitReady(true);
    while (inFlight > 0 || !buffer.isEmpty() || !retries.isEmpty()) {
      throwIfFailed();
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new IOException("Sink " + sinkName + ": flush timed out after " + options.flushTimeout() + " with "
            + inFlight + " requests in flight and " + (buffer.size() + retriedElements()) + " elements not sent");
      }
      // Wait for a completion, or until the next retry is due if there is room to submit it.
      long wait = inFlight < options.maxInFlightRequests() ? Math.min(remaining, nanosToNextRetry()) : remaining;
      Completion<InputT> next = completions.poll(wait, TimeUnit.NANOSECONDS);
      if (next != null) {
        complete(next);
      }
      drainCompletions();
      submitReady(true);
    }
    throwIfFailed();
  }

  private long nanosToNextRetry() {
    Request<InputT> retry = retries.peek();
    return retry == null ? Long.MAX_VALUE : Math.max(0, retry.notBeforeNanos() - System.nanoTime());
  }

  private int retriedElements() {
    int count = 0;
    for (Request<InputT> retry : retries) {
      count += retry.elements().size();
    }
    return count;
  }

  private void throwIfFailed() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Submits due retries and then batches while fewer than the limit are in flight: full batches,
   * or what there is when nothing is in flight (or {@code all}, when flushing).
   */
  private void submitReady(boolean all) {
    if (failure != null) {
      return;
    }
    long now = System.nanoTime();
    while (inFlight < options.maxInFlightRequests() && !retries.isEmpty() && retries.peek().notBeforeNanos() <= now) {
      start(retries.poll());
    }
    while (inFlight < options.maxInFlightRequests() && retries.isEmpty() && !buffer.isEmpty()
        && (all || inFlight == 0 || buffer.size() >= options.maxBatchSize())) {
      int size = Math.min(buffer.size(), options.maxBatchSize());
      List<InputT> batch = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        batch.add(buffer.poll());
      }
      start(new Request<>(batch, 1, now));
    }
  }

  private void start(Request<InputT> request) {
    inFlight++;
    CompletionStage<Void> stage;
    try {
      stage = submit(request.elements());
    } catch (Exception | LinkageError e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete((ignored, error) -> {
      // Never full: each request in flight completes once and there are at most maxInFlightRequests.
      completions.add(new Completion<>(request, error));
      available.complete(null);
    });
  }

  private void drainCompletions() {
    Completion<InputT> completion;
    while ((completion = completions.poll()) != null) {
      complete(completion);
    }
  }

  private void complete(Completion<InputT> completion) {
    inFlight--;
    if (completion.error() == null || failure != null) {
      return;
    }
    Request<InputT> request = completion.request();
    if (request.attempt() >= options.maxAttempts()) {
      Throwable cause = completion.error();
      failure = new IOException("Sink " + sinkName + ": a request of " + request.elements().size()
          + " elements failed " + request.attempt() + " time" + (request.attempt() == 1 ? "" : "s")
          + ", the last time with: " + (cause.getMessage() != null ? cause.getMessage() : cause), cause);
      return;
    }
    retries.add(new Request<>(request.elements(), request.attempt() + 1,
        System.nanoTime() + options.retryBackoff().toNanos()));
  }

  /** The requests submitted and not yet completed (as far as the task thread has seen). */
  protected final int inFlightRequests() {
    return inFlight;
  }

  /** The elements buffered and not yet submitted. */
  protected final int bufferedElements() {
    return buffer.size();
  }
}
