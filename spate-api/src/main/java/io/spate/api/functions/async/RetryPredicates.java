package io.spate.api.functions.async;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Collection;
import java.util.function.Predicate;

/** Common predicates for {@link AsyncRetryStrategies} builders. */
@PublicEvolving
public final class RetryPredicates {

  private RetryPredicates() {}

  /** Holds for a missing or empty result. */
  public static final Predicate<Collection<?>> EMPTY_RESULT_PREDICATE =
      (Predicate<Collection<?>> & Serializable) result -> result == null || result.isEmpty();

  /** Holds for every failure. */
  public static final Predicate<Throwable> HAS_EXCEPTION_PREDICATE =
      (Predicate<Throwable> & Serializable) error -> error != null;
}
