package io.spate.connectors.base;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of an {@link AsyncSinkWriterBase}.
 *
 * @param maxBatchSize elements one request carries at most
 * @param maxInFlightRequests requests submitted and not yet completed, at most
 * @param maxBufferedElements elements waiting to be submitted at which the writer asks the task to
 *     pause; the buffer exceeds it by at most what the task hands over in one batch
 * @param maxAttempts how often a request is submitted before its failure fails the job (1: no retry)
 * @param retryBackoff how long a failed request waits before it is submitted again
 * @param flushTimeout how long a flush (at a checkpoint or the end of input) waits for the requests
 *     in flight before it fails
 */
public record AsyncSinkWriterOptions(
    int maxBatchSize,
    int maxInFlightRequests,
    int maxBufferedElements,
    int maxAttempts,
    Duration retryBackoff,
    Duration flushTimeout) {

  /** Batches of 500, 4 requests in flight, 10,000 buffered elements, 3 attempts 100 ms apart, a minute to flush. */
  public static final AsyncSinkWriterOptions DEFAULTS =
      new AsyncSinkWriterOptions(500, 4, 10_000, 3, Duration.ofMillis(100), Duration.ofMinutes(1));

  /** Checks the limits. */
  public AsyncSinkWriterOptions {
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(flushTimeout, "flushTimeout");
    if (maxBatchSize < 1 || maxInFlightRequests < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("Sink writer options: maxBatchSize (" + maxBatchSize + "), maxInFlightRequests ("
          + maxInFlightRequests + ") and maxAttempts (" + maxAttempts + ") must be at least 1");
    }
    if (maxBufferedElements < maxBatchSize) {
      throw new IllegalArgumentException("Sink writer options: maxBufferedElements (" + maxBufferedElements
          + ") must be at least maxBatchSize (" + maxBatchSize + ")");
    }
    if (retryBackoff.isNegative() || flushTimeout.isNegative() || flushTimeout.isZero()) {
      throw new IllegalArgumentException("Sink writer options: invalid retry backoff " + retryBackoff
          + " or flush timeout " + flushTimeout);
    }
  }

  /** These limits with batches of {@code size}. */
  public AsyncSinkWriterOptions withMaxBatchSize(int size) {
    return new AsyncSinkWriterOptions(size, maxInFlightRequests, maxBufferedElements, maxAttempts, retryBackoff,
        flushTimeout);
  }

  /** These limits with {@code max} requests in flight. */
  public AsyncSinkWriterOptions withMaxInFlightRequests(int max) {
    return new AsyncSinkWriterOptions(maxBatchSize, max, maxBufferedElements, maxAttempts, retryBackoff, flushTimeout);
  }

  /** These limits with a pause at {@code max} buffered elements. */
  public AsyncSinkWriterOptions withMaxBufferedElements(int max) {
    return new AsyncSinkWriterOptions(maxBatchSize, maxInFlightRequests, max, maxAttempts, retryBackoff, flushTimeout);
  }

  /** These limits with {@code attempts} per request, {@code backoff} apart. */
  public AsyncSinkWriterOptions withRetries(int attempts, Duration backoff) {
    return new AsyncSinkWriterOptions(maxBatchSize, maxInFlightRequests, maxBufferedElements, attempts, backoff,
        flushTimeout);
  }

  /** These limits with a flush that waits at most {@code timeout}. */
  public AsyncSinkWriterOptions withFlushTimeout(Duration timeout) {
    return new AsyncSinkWriterOptions(maxBatchSize, maxInFlightRequests, maxBufferedElements, maxAttempts,
        retryBackoff, timeout);
  }
}
