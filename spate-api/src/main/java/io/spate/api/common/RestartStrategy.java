package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.RestartStrategyOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a failed job is restarted, as chosen with {@code env.setRestartStrategy(...)} or the {@code
 * restart-strategy.*} options; create one with {@link RestartStrategies}. Each kind validates its
 * values and names the option of a bad one.
 */
@PublicEvolving
public sealed interface RestartStrategy extends Serializable
    permits RestartStrategy.NoRestart, RestartStrategy.FixedDelay, RestartStrategy.FailureRate,
        RestartStrategy.ExponentialDelay, RestartStrategies.RestartStrategyConfiguration {

  /** The value of {@code restart-strategy.type} that selects this kind. */
  String type();

  /** The options that select this strategy with its values, to be added to a job's configuration. */
  Configuration toConfiguration();

  /** A failed job is not restarted. */
  record NoRestart() implements RestartStrategy {
    @Override
    public String type() {
      return "none";
    }

    @Override
    public Configuration toConfiguration() {
      return new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, type());
    }
  }

  /**
   * Restarts {@code attempts} times, each {@code delay} after the failure, then fails the job.
   *
   * @param attempts restarts allowed, at least 0
   * @param delay wait before each restart, not negative
   */
  record FixedDelay(int attempts, Duration delay) implements RestartStrategy {
    /** Validates the values. */
    public FixedDelay {
      atLeast(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, attempts, 0);
      notNegative(RestartStrategyOptions.FIXED_DELAY_DELAY, delay);
    }

    @Override
    public String type() {
      return "fixed-delay";
    }

    @Override
    public Configuration toConfiguration() {
      return new Configuration()
          .set(RestartStrategyOptions.RESTART_STRATEGY, type())
          .set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, attempts)
          .set(RestartStrategyOptions.FIXED_DELAY_DELAY, delay);
    }
  }

  /**
   * Restarts after each failure, {@code delay} later, unless more than {@code
   * maxFailuresPerInterval} failures fall within one {@code failureInterval}.
   *
   * @param maxFailuresPerInterval restarts allowed within any one interval, at least 1
   * @param failureInterval the sliding window in which failures are counted, at least 1 ms
   * @param delay wait before each restart, not negative
   */
  record FailureRate(int maxFailuresPerInterval, Duration failureInterval, Duration delay)
      implements RestartStrategy {
    /** Validates the values. */
    public FailureRate {
      atLeast(RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES_PER_INTERVAL, maxFailuresPerInterval, 1);
      positive(RestartStrategyOptions.FAILURE_RATE_INTERVAL, failureInterval);
      notNegative(RestartStrategyOptions.FAILURE_RATE_DELAY, delay);
    }

    @Override
    public String type() {
      return "failure-rate";
    }

    @Override
    public Configuration toConfiguration() {
      return new Configuration()
          .set(RestartStrategyOptions.RESTART_STRATEGY, type())
          .set(RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES_PER_INTERVAL, maxFailuresPerInterval)
          .set(RestartStrategyOptions.FAILURE_RATE_INTERVAL, failureInterval)
          .set(RestartStrategyOptions.FAILURE_RATE_DELAY, delay);
    }
  }

  /**
   * Restarts with a back-off that starts at {@code initialBackoff} and grows by {@code
   * backoffMultiplier} after each failure up to {@code maxBackoff}, each moved randomly by up to
   * {@code jitterFactor} of itself; after {@code resetBackoffThreshold} without failure it starts
   * over. Fails the job after {@code attemptsBeforeReset} restarts without a reset.
   *
   * @param initialBackoff the first back-off, at least 1 ms
   * @param maxBackoff the largest back-off before jitter, at least {@code initialBackoff}
   * @param backoffMultiplier growth factor, at least 1
   * @param resetBackoffThreshold failure-free running time that resets the back-off, at least 1 ms
   * @param jitterFactor random spread as a fraction of the back-off, from 0 to 1
   * @param attemptsBeforeReset restarts allowed between resets, at least 1
   */
  record ExponentialDelay(
      Duration initialBackoff, Duration maxBackoff, double backoffMultiplier, Duration resetBackoffThreshold,
      double jitterFactor, int attemptsBeforeReset) implements RestartStrategy {
    /** Validates the values. */
    public ExponentialDelay {
      positive(RestartStrategyOptions.EXPONENTIAL_DELAY_INITIAL_BACKOFF, initialBackoff);
      positive(RestartStrategyOptions.EXPONENTIAL_DELAY_MAX_BACKOFF, maxBackoff);
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalConfigurationException("Invalid " + RestartStrategyOptions.EXPONENTIAL_DELAY_MAX_BACKOFF.key()
            + ": " + maxBackoff.toMillis() + " ms; it must not be below "
            + RestartStrategyOptions.EXPONENTIAL_DELAY_INITIAL_BACKOFF.key() + " (" + initialBackoff.toMillis()
            + " ms).");
      }
      if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
        throw new IllegalConfigurationException("Invalid "
            + RestartStrategyOptions.EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER.key() + ": " + backoffMultiplier
            + "; it must be a finite number of at least 1.");
      }
      positive(RestartStrategyOptions.EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, resetBackoffThreshold);
      if (!(jitterFactor >= 0.0 && jitterFactor <= 1.0)) {
        throw new IllegalConfigurationException("Invalid " + RestartStrategyOptions.EXPONENTIAL_DELAY_JITTER_FACTOR.key()
            + ": " + jitterFactor + "; it must be between 0 and 1.");
      }
      atLeast(RestartStrategyOptions.EXPONENTIAL_DELAY_ATTEMPTS, attemptsBeforeReset, 1);
    }

    @Override
    public String type() {
      return "exponential-delay";
    }

    @Override
    public Configuration toConfiguration() {
      return new Configuration()
          .set(RestartStrategyOptions.RESTART_STRATEGY, type())
          .set(RestartStrategyOptions.EXPONENTIAL_DELAY_INITIAL_BACKOFF, initialBackoff)
          .set(RestartStrategyOptions.EXPONENTIAL_DELAY_MAX_BACKOFF, maxBackoff)
          .set(RestartStrategyOptions.EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, backoffMultiplier)
          .set(RestartStrategyOptions.EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, resetBackoffThreshold)
          .set(RestartStrategyOptions.EXPONENTIAL_DELAY_JITTER_FACTOR, jitterFactor)
          .set(RestartStrategyOptions.EXPONENTIAL_DELAY_ATTEMPTS, attemptsBeforeReset);
    }
  }

  private static void atLeast(ConfigOption<Integer> option, int value, int min) {
    if (value < min) {
      throw new IllegalConfigurationException(
          "Invalid " + option.key() + ": " + value + "; it must be at least " + min + ".");
    }
  }

  private static void notNegative(ConfigOption<Duration> option, Duration value) {
    Objects.requireNonNull(value, option.key());
    if (value.isNegative()) {
      throw new IllegalConfigurationException(
          "Invalid " + option.key() + ": " + value.toMillis() + " ms; it must not be negative.");
    }
  }

  private static void positive(ConfigOption<Duration> option, Duration value) {
    Objects.requireNonNull(value, option.key());
    if (value.toMillis() < 1) {
      throw new IllegalConfigurationException(
          "Invalid " + option.key() + ": " + value.toMillis() + " ms; it must be at least 1 ms.");
    }
  }
}
