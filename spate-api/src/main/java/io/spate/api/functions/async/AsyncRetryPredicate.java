package io.spate.api.functions.async;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides which outcomes of an async request are worth another attempt: a result (such as an
 * empty one) and/or an exception.
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public interface AsyncRetryPredicate<OUT> extends Serializable {

  /** Retries when this holds for a completed result; empty means results are never retried. */
  default Optional<Predicate<Collection<OUT>>> resultPredicate() {
    return Optional.empty();
  }

  /** Retries when this holds for a failure; empty means failures are never retried. */
  default Optional<Predicate<Throwable>> exceptionPredicate() {
    return Optional.empty();
  }
}
