package io.spate.api.functions.async;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.InvalidProgramException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Ready-made {@link AsyncRetryStrategy}s: no retry, a fixed delay, or an exponentially growing
 * delay. {@code maxAttempts} counts the retries after the first invocation, so a strategy with
 * {@code maxAttempts = 3} invokes the function at most four times for one record.
 *
 * <pre>{@code
 * AsyncRetryStrategy<String> retry = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(3, Duration.ofMillis(100))
 *     .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE)
 *     .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
 *     .build();
 * }</pre>
 */
@PublicEvolving
public final class AsyncRetryStrategies {

  private AsyncRetryStrategies() {}

  /** Never retries. */
  @SuppressWarnings("rawtypes")
  public static final AsyncRetryStrategy NO_RETRY_STRATEGY = new NoRetry<>();

  private record NoRetry<OUT>() implements AsyncRetryStrategy<OUT> {
    @Override
    public boolean canRetry(int currentAttempts) {
      return false;
    }

    @Override
    public long getBackoffTimeMillis(int currentAttempts) {
      return -1;
    }

    @Override
    public AsyncRetryPredicate<OUT> getRetryPredicate() {
      return new Predicates<>(null, null);
    }
  }

  private record Predicates<OUT>(Predicate<? super Collection<OUT>> onResult, Predicate<? super Throwable> onError)
      implements AsyncRetryPredicate<OUT> {
    @Override
    @SuppressWarnings("unchecked")
    public Optional<Predicate<Collection<OUT>>> resultPredicate() {
      return Optional.ofNullable((Predicate<Collection<OUT>>) onResult);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Predicate<Throwable>> exceptionPredicate() {
      return Optional.ofNullable((Predicate<Throwable>) onError);
    }
  }

  private record FixedDelay<OUT>(int maxAttempts, long delayMillis, Predicates<OUT> predicates)
      implements AsyncRetryStrategy<OUT> {
    @Override
    public boolean canRetry(int currentAttempts) {
      return currentAttempts <= maxAttempts;
    }

    @Override
    public long getBackoffTimeMillis(int currentAttempts) {
      return delayMillis;
    }

    @Override
    public AsyncRetryPredicate<OUT> getRetryPredicate() {
      return predicates;
    }
  }

  private record ExponentialBackoff<OUT>(int maxAttempts, long initialDelayMillis, long maxDelayMillis,
      double multiplier, Predicates<OUT> predicates) implements AsyncRetryStrategy<OUT> {
    @Override
    public boolean canRetry(int currentAttempts) {
      return currentAttempts <= maxAttempts;
    }

    @Override
    public long getBackoffTimeMillis(int currentAttempts) {
      double delay = initialDelayMillis * Math.pow(multiplier, Math.max(0, currentAttempts - 1));
      return (long) Math.min(delay, maxDelayMillis);
    }

    @Override
    public AsyncRetryPredicate<OUT> getRetryPredicate() {
      return predicates;
    }
  }

  /**
   * What both builders share: the predicates that select the outcomes to retry.
   *
   * @param <OUT> the output type
   * @param <B> the concrete builder, for chaining
   */
  public abstract static class PredicateBuilder<OUT, B extends PredicateBuilder<OUT, B>> {
    Predicate<? super Collection<OUT>> onResult;
    Predicate<? super Throwable> onError;

    PredicateBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** Retries when {@code predicate} holds for a completed result. */
    public B ifResult(Predicate<? super Collection<OUT>> predicate) {
      this.onResult = require(predicate, "ifResult");
      return self();
    }

    /** Retries when {@code predicate} holds for a failure. */
    public B ifException(Predicate<? super Throwable> predicate) {
      this.onError = require(predicate, "ifException");
      return self();
    }

    Predicates<OUT> predicates() {
      return new Predicates<>(onResult, onError);
    }
  }

  /**
   * Builds a strategy that retries up to {@code maxAttempts} times with the same delay in between.
   *
   * @param <OUT> the output type
   */
  public static final class FixedDelayRetryStrategyBuilder<OUT>
      extends PredicateBuilder<OUT, FixedDelayRetryStrategyBuilder<OUT>> {
    private final int maxAttempts;
    private final long delayMillis;

    /** Retries up to {@code maxAttempts} times, {@code backoffTimeMillis} apart. */
    public FixedDelayRetryStrategyBuilder(int maxAttempts, long backoffTimeMillis) {
      this.maxAttempts = checkAttempts(maxAttempts);
      this.delayMillis = checkDelay(backoffTimeMillis, "backoffTime");
    }

    /** Retries up to {@code maxAttempts} times, {@code backoff} apart. */
    public FixedDelayRetryStrategyBuilder(int maxAttempts, Duration backoff) {
      this(maxAttempts, require(backoff, "backoff").toMillis());
    }

    /** The strategy. */
    public AsyncRetryStrategy<OUT> build() {
      return new FixedDelay<>(maxAttempts, delayMillis, predicates());
    }
  }

  /**
   * Builds a strategy that retries up to {@code maxAttempts} times, starting with
   * {@code initialDelay} and multiplying the delay by {@code multiplier} after each retry, up to
   * {@code maxRetryDelay}.
   *
   * @param <OUT> the output type
   */
  public static final class ExponentialBackoffDelayRetryStrategyBuilder<OUT>
      extends PredicateBuilder<OUT, ExponentialBackoffDelayRetryStrategyBuilder<OUT>> {
    private final int maxAttempts;
    private final long initialDelayMillis;
    private final long maxDelayMillis;
    private final double multiplier;

    /** Delays in milliseconds, as in Flink. */
    public ExponentialBackoffDelayRetryStrategyBuilder(
        int maxAttempts, long initialDelay, long maxRetryDelay, double multiplier) {
      this.maxAttempts = checkAttempts(maxAttempts);
      this.initialDelayMillis = checkDelay(initialDelay, "initialDelay");
      this.maxDelayMillis = checkDelay(maxRetryDelay, "maxRetryDelay");
      if (maxRetryDelay < initialDelay) {
        throw new InvalidProgramException("Retry strategy: maxRetryDelay (" + maxRetryDelay
            + " ms) must not be less than initialDelay (" + initialDelay + " ms).");
      }
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new InvalidProgramException("Retry strategy: the multiplier must be a finite number >= 1, got " + multiplier);
      }
      this.multiplier = multiplier;
    }

    /** Delays as durations. */
    public ExponentialBackoffDelayRetryStrategyBuilder(
        int maxAttempts, Duration initialDelay, Duration maxRetryDelay, double multiplier) {
      this(maxAttempts, require(initialDelay, "initialDelay").toMillis(),
          require(maxRetryDelay, "maxRetryDelay").toMillis(), multiplier);
    }

    /** The strategy. */
    public AsyncRetryStrategy<OUT> build() {
      return new ExponentialBackoff<>(maxAttempts, initialDelayMillis, maxDelayMillis, multiplier, predicates());
    }
  }

  private static int checkAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new InvalidProgramException("Retry strategy: maxAttempts must be at least 1, got " + maxAttempts);
    }
    return maxAttempts;
  }

  private static long checkDelay(long millis, String what) {
    if (millis < 0) {
      throw new InvalidProgramException("Retry strategy: " + what + " must not be negative, got " + millis + " ms");
    }
    return millis;
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new InvalidProgramException("Retry strategy: " + what + " must not be null.");
    }
    return value;
  }
}
