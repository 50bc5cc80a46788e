package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.RestartStrategyOptions;
import io.spate.api.windowing.time.Time;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Creates the {@link RestartStrategy} of a job, in code or from its configuration. */
@PublicEvolving
public final class RestartStrategies {

  private RestartStrategies() {}

  /** A failed job is not restarted. */
  public static RestartStrategy noRestart() {
    return new RestartStrategy.NoRestart();
  }

  /** Restarts {@code attempts} times, each {@code delay} after the failure, then fails the job. */
  public static RestartStrategy fixedDelayRestart(int attempts, Duration delay) {
    return new RestartStrategy.FixedDelay(attempts, delay);
  }

  /**
   * Restarts {@code delay} after each failure, unless more than {@code maxFailures} failures fall
   * within one {@code interval}.
   */
  public static RestartStrategy failureRateRestart(int maxFailures, Duration interval, Duration delay) {
    return new RestartStrategy.FailureRate(maxFailures, interval, delay);
  }

  /** As {@link #fixedDelayRestart(int, Duration)}, with the delay as a Flink {@link Time}. */
  @Deprecated
  public static RestartStrategy fixedDelayRestart(int attempts, Time delay) {
    return fixedDelayRestart(attempts, Time.toDuration(delay));
  }

  /** As {@link #failureRateRestart(int, Duration, Duration)}, with the times as Flink {@link Time}s. */
  @Deprecated
  public static RestartStrategy failureRateRestart(int maxFailures, Time interval, Time delay) {
    return failureRateRestart(maxFailures, Time.toDuration(interval), Time.toDuration(delay));
  }

  /**
   * As {@link #exponentialDelayRestart(Duration, Duration, double, Duration, double)}, with the
   * times as Flink {@link Time}s.
   */
  @Deprecated
  public static RestartStrategy exponentialDelayRestart(
      Time initialBackoff, Time maxBackoff, double multiplier, Time resetBackoffThreshold, double jitterFactor) {
    return exponentialDelayRestart(Time.toDuration(initialBackoff), Time.toDuration(maxBackoff),
        multiplier, Time.toDuration(resetBackoffThreshold), jitterFactor);
  }

  /**
   * Restarts without limit after a back-off that grows from {@code initialBackoff} by {@code
   * multiplier} up to {@code maxBackoff}, with random {@code jitterFactor}, and starts over after
   * {@code resetBackoffThreshold} without failure.
   */
  public static RestartStrategy exponentialDelayRestart(
      Duration initialBackoff, Duration maxBackoff, double multiplier, Duration resetBackoffThreshold,
      double jitterFactor) {
    return exponentialDelayRestart(
        initialBackoff, maxBackoff, multiplier, resetBackoffThreshold, jitterFactor, Integer.MAX_VALUE);
  }

  /** Like the five-argument form, failing the job after {@code attemptsBeforeReset} restarts without a reset. */
  public static RestartStrategy exponentialDelayRestart(
      Duration initialBackoff, Duration maxBackoff, double multiplier, Duration resetBackoffThreshold,
      double jitterFactor, int attemptsBeforeReset) {
    return new RestartStrategy.ExponentialDelay(
        initialBackoff, maxBackoff, multiplier, resetBackoffThreshold, jitterFactor, attemptsBeforeReset);
  }

  /** The strategy that {@code conf} selects, with checkpointing as the configuration itself says. */
  public static RestartStrategy fromConfiguration(Configuration conf) {
    return fromConfiguration(conf, CheckpointingOptions.isCheckpointingEnabled(conf));
  }

  /**
   * The strategy that {@code conf} selects: the one named by {@code restart-strategy.type} with its
   * options, or when that is unset, exponential-delay if {@code checkpointingEnabled} and none
   * otherwise.
   *
   * @throws IllegalConfigurationException naming the option and value if one is malformed or out of range
   */
  public static RestartStrategy fromConfiguration(Configuration conf, boolean checkpointingEnabled) {
    Optional<String> name = conf.getOptional(RestartStrategyOptions.RESTART_STRATEGY);
    String type = name.map(RestartStrategies::canonicalType)
        .orElse(checkpointingEnabled ? "exponential-delay" : "none");
    return switch (type) {
      case "none" -> noRestart();
      case "fixed-delay" -> fixedDelayRestart(
          conf.get(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS), conf.get(RestartStrategyOptions.FIXED_DELAY_DELAY));
      case "failure-rate" -> failureRateRestart(
          conf.get(RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES_PER_INTERVAL),
          conf.get(RestartStrategyOptions.FAILURE_RATE_INTERVAL),
          conf.get(RestartStrategyOptions.FAILURE_RATE_DELAY));
      case "exponential-delay" -> exponentialDelayRestart(
          conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_INITIAL_BACKOFF),
          conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_MAX_BACKOFF),
          conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER),
          conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD),
          conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_JITTER_FACTOR),
          conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_ATTEMPTS));
      default -> throw new IllegalStateException(type);
    };
  }

  /** Maps a strategy name or one of Flink's aliases to its canonical name. */
  private static String canonicalType(String raw) {
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "none", "off", "disable" -> "none";
      case "fixed-delay", "fixeddelay" -> "fixed-delay";
      case "failure-rate", "failurerate" -> "failure-rate";
      case "exponential-delay", "exponentialdelay" -> "exponential-delay";
      default -> throw new IllegalConfigurationException("Invalid " + RestartStrategyOptions.RESTART_STRATEGY.key()
          + ": '" + raw + "'; expected none, fixed-delay, failure-rate or exponential-delay"
          + " (or Flink's aliases off, disable, fixeddelay, failurerate, exponentialdelay).");
    };
  }
}
