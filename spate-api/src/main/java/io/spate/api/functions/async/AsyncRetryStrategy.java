package io.spate.api.functions.async;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * When and how often an async request is invoked again. Attempts are counted from 1 (the first
 * invocation); the timeout of a request covers all of its attempts.
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public interface AsyncRetryStrategy<OUT> extends Serializable {

  /** Whether another attempt may follow {@code currentAttempts} attempts made so far. */
  boolean canRetry(int currentAttempts);

  /** How long to wait, in milliseconds, before the attempt that follows {@code currentAttempts}. */
  long getBackoffTimeMillis(int currentAttempts);

  /** Which outcomes are retried. */
  AsyncRetryPredicate<OUT> getRetryPredicate();
}
