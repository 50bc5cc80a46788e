package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.configuration.RestartStrategyOptions;
import io.spate.api.windowing.time.Time;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the restart strategy of a job, in code or from its configuration: each factory method
 * returns one of Flink's configuration classes, which are {@link RestartStrategy}s that {@code
 * env.setRestartStrategy} and {@code ExecutionConfig.setRestartStrategy} take.
 */
@PublicEvolving
public class RestartStrategies {

  /** Flink's class has a public constructor; everything here is static. */
  public RestartStrategies() {}

  /** A failed job is not restarted. */
  public static RestartStrategyConfiguration noRestart() {
    return new NoRestartStrategyConfiguration();
  }

  /**
   * The job uses the restart strategy of the cluster it runs on ({@code restart-strategy.*} in {@code
   * conf/spate.yaml}), or without one the default: exponential delay with checkpointing, none without.
   */
  public static RestartStrategyConfiguration fallBackRestart() {
    return new FallbackRestartStrategyConfiguration();
  }

  /** Restarts {@code attempts} times, each {@code delay} after the failure, then fails the job. */
  public static RestartStrategyConfiguration fixedDelayRestart(int attempts, Duration delay) {
    return new FixedDelayRestartStrategyConfiguration(attempts, delay);
  }

  /** As {@link #fixedDelayRestart(int, Duration)}, with the delay in milliseconds. */
  public static RestartStrategyConfiguration fixedDelayRestart(int attempts, long delayMillis) {
    return fixedDelayRestart(attempts, Duration.ofMillis(delayMillis));
  }

  /**
   * Restarts {@code delay} after each failure, unless more than {@code maxFailures} failures fall
   * within one {@code interval}.
   */
  public static FailureRateRestartStrategyConfiguration failureRateRestart(
      int maxFailures, Duration interval, Duration delay) {
    return new FailureRateRestartStrategyConfiguration(maxFailures, interval, delay);
  }

  /** As {@link #fixedDelayRestart(int, Duration)}, with the delay as a Flink {@link Time}. */
  @Deprecated
  public static RestartStrategyConfiguration fixedDelayRestart(int attempts, Time delay) {
    return fixedDelayRestart(attempts, Time.toDuration(delay));
  }

  /** As {@link #failureRateRestart(int, Duration, Duration)}, with the times as Flink {@link Time}s. */
  @Deprecated
  public static FailureRateRestartStrategyConfiguration failureRateRestart(int maxFailures, Time interval, Time delay) {
    return failureRateRestart(maxFailures, Time.toDuration(interval), Time.toDuration(delay));
  }

  /**
   * As {@link #exponentialDelayRestart(Duration, Duration, double, Duration, double)}, with the
   * times as Flink {@link Time}s.
   */
  @Deprecated
  public static ExponentialDelayRestartStrategyConfiguration exponentialDelayRestart(
      Time initialBackoff, Time maxBackoff, double multiplier, Time resetBackoffThreshold, double jitterFactor) {
    return exponentialDelayRestart(Time.toDuration(initialBackoff), Time.toDuration(maxBackoff),
        multiplier, Time.toDuration(resetBackoffThreshold), jitterFactor);
  }

  /**
   * Restarts without limit after a back-off that grows from {@code initialBackoff} by {@code
   * multiplier} up to {@code maxBackoff}, with random {@code jitterFactor}, and starts over after
   * {@code resetBackoffThreshold} without failure.
   */
  public static ExponentialDelayRestartStrategyConfiguration exponentialDelayRestart(
      Duration initialBackoff, Duration maxBackoff, double multiplier, Duration resetBackoffThreshold,
      double jitterFactor) {
    return new ExponentialDelayRestartStrategyConfiguration(
        initialBackoff, maxBackoff, multiplier, resetBackoffThreshold, jitterFactor);
  }

  /** Like the five-argument form, failing the job after {@code attemptsBeforeReset} restarts without a reset. */
  public static RestartStrategy exponentialDelayRestart(
      Duration initialBackoff, Duration maxBackoff, double multiplier, Duration resetBackoffThreshold,
      double jitterFactor, int attemptsBeforeReset) {
    return new RestartStrategy.ExponentialDelay(
        initialBackoff, maxBackoff, multiplier, resetBackoffThreshold, jitterFactor, attemptsBeforeReset);
  }

  /**
   * The strategy that {@code conf} names with {@code restart-strategy.type} and its options, or empty
   * when it names none (the job then falls back to the cluster's strategy).
   *
   * @throws IllegalConfigurationException naming the option and value if one is malformed or out of range
   */
  public static Optional<RestartStrategyConfiguration> fromConfiguration(ReadableConfig conf) {
    Configuration values = Configuration.fromMap(conf.toMap());
    if (!values.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
      return Optional.empty();
    }
    return Optional.of(asConfiguration(fromConfiguration(values, false)));
  }

  /** {@code strategy} as the Flink configuration class of its kind; a configuration class is returned as it is. */
  @io.spate.api.annotation.Internal
  public static RestartStrategyConfiguration asConfiguration(RestartStrategy strategy) {
    Objects.requireNonNull(strategy, "The restart strategy must not be null.");
    if (strategy instanceof RestartStrategyConfiguration configuration) {
      return configuration;
    }
    if (strategy instanceof RestartStrategy.FixedDelay fixed) {
      return new FixedDelayRestartStrategyConfiguration(fixed);
    }
    if (strategy instanceof RestartStrategy.FailureRate rate) {
      return new FailureRateRestartStrategyConfiguration(rate);
    }
    if (strategy instanceof RestartStrategy.ExponentialDelay exponential) {
      return new ExponentialDelayRestartStrategyConfiguration(exponential);
    }
    return new NoRestartStrategyConfiguration();
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
      case "none" -> new RestartStrategy.NoRestart();
      case "fixed-delay" -> new RestartStrategy.FixedDelay(
          conf.get(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS), conf.get(RestartStrategyOptions.FIXED_DELAY_DELAY));
      case "failure-rate" -> new RestartStrategy.FailureRate(
          conf.get(RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES_PER_INTERVAL),
          conf.get(RestartStrategyOptions.FAILURE_RATE_INTERVAL),
          conf.get(RestartStrategyOptions.FAILURE_RATE_DELAY));
      case "exponential-delay" -> new RestartStrategy.ExponentialDelay(
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

  // ---------------------------------------------------------------- Flink's configuration classes

  /**
   * A restart strategy as Flink's API names it; each subclass writes the {@code restart-strategy.*}
   * options that select it, so that setting one on the environment or its {@code ExecutionConfig}
   * drives the job's restarts.
   */
  @PublicEvolving
  public abstract static sealed class RestartStrategyConfiguration implements RestartStrategy
      permits NoRestartStrategyConfiguration, FallbackRestartStrategyConfiguration,
          FixedDelayRestartStrategyConfiguration, FailureRateRestartStrategyConfiguration,
          ExponentialDelayRestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    /** The strategy in Spate's terms; null for the fallback, which sets no option. */
    private final RestartStrategy settings;

    RestartStrategyConfiguration(RestartStrategy settings) {
      this.settings = settings;
    }

    /** A sentence saying how a failed job is restarted. */
    public abstract String getDescription();

    /** The value of {@code restart-strategy.type} this strategy sets; empty for the fallback, which sets none. */
    @Override
    public String type() {
      return settings == null ? "" : settings.type();
    }

    @Override
    public Configuration toConfiguration() {
      return settings == null ? new Configuration() : settings.toConfiguration();
    }

    @Override
    public boolean equals(Object o) {
      return o != null && o.getClass() == getClass()
          && Objects.equals(settings, ((RestartStrategyConfiguration) o).settings);
    }

    @Override
    public int hashCode() {
      return 31 * getClass().getName().hashCode() + Objects.hashCode(settings);
    }

    @Override
    public String toString() {
      return getDescription();
    }
  }

  /** A failed job is not restarted. */
  @PublicEvolving
  public static final class NoRestartStrategyConfiguration extends RestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    /** The strategy that never restarts. */
    public NoRestartStrategyConfiguration() {
      super(new RestartStrategy.NoRestart());
    }

    @Override
    public String getDescription() {
      return "No restart: a failure fails the job.";
    }
  }

  /**
   * The job restarts as the cluster it runs on says ({@code restart-strategy.*} in {@code
   * conf/spate.yaml}), or by default; setting it removes the job's own {@code restart-strategy.*}
   * options.
   */
  @PublicEvolving
  public static final class FallbackRestartStrategyConfiguration extends RestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    /** The strategy that defers to the cluster's. */
    public FallbackRestartStrategyConfiguration() {
      super(null);
    }

    @Override
    public String getDescription() {
      return "The cluster's restart strategy, or the default one (exponential delay with checkpointing, none without).";
    }
  }

  /** Restarts a fixed number of times with a fixed delay, then fails the job. */
  @PublicEvolving
  public static final class FixedDelayRestartStrategyConfiguration extends RestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    private final RestartStrategy.FixedDelay fixed;

    FixedDelayRestartStrategyConfiguration(int attempts, Duration delay) {
      this(new RestartStrategy.FixedDelay(attempts, delay));
    }

    FixedDelayRestartStrategyConfiguration(RestartStrategy.FixedDelay fixed) {
      super(fixed);
      this.fixed = fixed;
    }

    /** Restarts allowed before the job fails. */
    public int getRestartAttempts() {
      return fixed.attempts();
    }

    /** The wait before each restart, as a Flink {@link Time}. */
    @Deprecated
    public Time getDelayBetweenAttemptsInterval() {
      return Time.fromDuration(fixed.delay());
    }

    /** The wait before each restart. */
    public Duration getDurationBetweenAttempts() {
      return fixed.delay();
    }

    @Override
    public String getDescription() {
      return "Fixed delay: up to " + fixed.attempts() + " restarts, each " + fixed.delay().toMillis()
          + " ms after the failure.";
    }
  }

  /** Restarts after a fixed delay unless failures come faster than a given rate. */
  @PublicEvolving
  public static final class FailureRateRestartStrategyConfiguration extends RestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    private final RestartStrategy.FailureRate rate;

    /** Fails the job once more than {@code maxFailureRate} failures fall within {@code failureInterval}. */
    public FailureRateRestartStrategyConfiguration(int maxFailureRate, Duration failureInterval, Duration delay) {
      this(new RestartStrategy.FailureRate(maxFailureRate, failureInterval, delay));
    }

    /** As the {@code Duration} form, with Flink {@link Time}s. */
    @Deprecated
    public FailureRateRestartStrategyConfiguration(int maxFailureRate, Time failureInterval, Time delay) {
      this(maxFailureRate, Time.toDuration(failureInterval), Time.toDuration(delay));
    }

    FailureRateRestartStrategyConfiguration(RestartStrategy.FailureRate rate) {
      super(rate);
      this.rate = rate;
    }

    /** Failures allowed within one interval. */
    public int getMaxFailureRate() {
      return rate.maxFailuresPerInterval();
    }

    /** The interval over which failures are counted, as a Flink {@link Time}. */
    @Deprecated
    public Time getFailureInterval() {
      return Time.fromDuration(rate.failureInterval());
    }

    /** The interval over which failures are counted. */
    public Duration getFailureIntervalDuration() {
      return rate.failureInterval();
    }

    /** The wait before each restart, as a Flink {@link Time}. */
    @Deprecated
    public Time getDelayBetweenAttemptsInterval() {
      return Time.fromDuration(rate.delay());
    }

    /** The wait before each restart. */
    public Duration getDurationBetweenAttempts() {
      return rate.delay();
    }

    @Override
    public String getDescription() {
      return "Failure rate: restarts " + rate.delay().toMillis() + " ms after a failure, unless more than "
          + rate.maxFailuresPerInterval() + " failures fall within " + rate.failureInterval().toMillis() + " ms.";
    }
  }

  /** Restarts without limit after a back-off that grows with each failure and resets after a quiet time. */
  @PublicEvolving
  public static final class ExponentialDelayRestartStrategyConfiguration extends RestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    private final RestartStrategy.ExponentialDelay backoff;

    /** The strategy with the given back-off; see {@link RestartStrategy.ExponentialDelay} for the limits. */
    public ExponentialDelayRestartStrategyConfiguration(
        Duration initialBackoff, Duration maxBackoff, double backoffMultiplier, Duration resetBackoffThreshold,
        double jitterFactor) {
      this(new RestartStrategy.ExponentialDelay(initialBackoff, maxBackoff, backoffMultiplier,
          resetBackoffThreshold, jitterFactor, Integer.MAX_VALUE));
    }

    /** As the {@code Duration} form, with Flink {@link Time}s. */
    @Deprecated
    public ExponentialDelayRestartStrategyConfiguration(
        Time initialBackoff, Time maxBackoff, double backoffMultiplier, Time resetBackoffThreshold,
        double jitterFactor) {
      this(Time.toDuration(initialBackoff), Time.toDuration(maxBackoff), backoffMultiplier,
          Time.toDuration(resetBackoffThreshold), jitterFactor);
    }

    ExponentialDelayRestartStrategyConfiguration(RestartStrategy.ExponentialDelay backoff) {
      super(backoff);
      this.backoff = backoff;
    }

    /** The first back-off, as a Flink {@link Time}. */
    @Deprecated
    public Time getInitialBackoff() {
      return Time.fromDuration(backoff.initialBackoff());
    }

    /** The first back-off. */
    public Duration getInitialBackoffDuration() {
      return backoff.initialBackoff();
    }

    /** The largest back-off before jitter, as a Flink {@link Time}. */
    @Deprecated
    public Time getMaxBackoff() {
      return Time.fromDuration(backoff.maxBackoff());
    }

    /** The largest back-off before jitter. */
    public Duration getMaxBackoffDuration() {
      return backoff.maxBackoff();
    }

    /** The factor by which the back-off grows after each failure. */
    public double getBackoffMultiplier() {
      return backoff.backoffMultiplier();
    }

    /** The failure-free time after which the back-off starts over, as a Flink {@link Time}. */
    @Deprecated
    public Time getResetBackoffThreshold() {
      return Time.fromDuration(backoff.resetBackoffThreshold());
    }

    /** The failure-free time after which the back-off starts over. */
    public Duration getResetBackoffDurationThreshold() {
      return backoff.resetBackoffThreshold();
    }

    /** The random spread of each back-off, as a fraction of it. */
    public double getJitterFactor() {
      return backoff.jitterFactor();
    }

    @Override
    public String getDescription() {
      return "Exponential delay: the first restart " + backoff.initialBackoff().toMillis()
          + " ms after the failure, each next back-off " + backoff.backoffMultiplier() + " times longer up to "
          + backoff.maxBackoff().toMillis() + " ms (jitter " + backoff.jitterFactor() + "), starting over after "
          + backoff.resetBackoffThreshold().toMillis() + " ms without failure.";
    }
  }
}
