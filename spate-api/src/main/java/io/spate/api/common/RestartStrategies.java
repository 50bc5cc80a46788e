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
    RestartStrategy strategy = fromConfiguration(values, false);
    if (strategy instanceof RestartStrategy.FixedDelay fixed) {
      return Optional.of(new FixedDelayRestartStrategyConfiguration(fixed));
    }
    if (strategy instanceof RestartStrategy.FailureRate rate) {
      return Optional.of(new FailureRateRestartStrategyConfiguration(rate));
    }
    if (strategy instanceof RestartStrategy.ExponentialDelay exponential) {
      return Optional.of(new ExponentialDelayRestartStrategyConfiguration(exponential));
    }
    return Optional.of(new NoRestartStrategyConfiguration());
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

    RestartStrategyConfiguration() {}

    /** A sentence saying how a failed job is restarted. */
    public abstract String getDescription();

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
    public NoRestartStrategyConfiguration() {}

    @Override
    public String type() {
      return "none";
    }

    @Override
    public Configuration toConfiguration() {
      return new RestartStrategy.NoRestart().toConfiguration();
    }

    @Override
    public String getDescription() {
      return "No restart: a failure fails the job.";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof NoRestartStrategyConfiguration;
    }

    @Override
    public int hashCode() {
      return NoRestartStrategyConfiguration.class.hashCode();
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
    public FallbackRestartStrategyConfiguration() {}

    /** Empty: no {@code restart-strategy.type} is set, so the cluster's or the default applies. */
    @Override
    public String type() {
      return "";
    }

    @Override
    public Configuration toConfiguration() {
      return new Configuration();
    }

    @Override
    public String getDescription() {
      return "The cluster's restart strategy, or the default one (exponential delay with checkpointing, none without).";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FallbackRestartStrategyConfiguration;
    }

    @Override
    public int hashCode() {
      return FallbackRestartStrategyConfiguration.class.hashCode();
    }
  }

  /** Restarts a fixed number of times with a fixed delay, then fails the job. */
  @PublicEvolving
  public static final class FixedDelayRestartStrategyConfiguration extends RestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    private final RestartStrategy.FixedDelay settings;

    FixedDelayRestartStrategyConfiguration(int attempts, Duration delay) {
      this(new RestartStrategy.FixedDelay(attempts, delay));
    }

    FixedDelayRestartStrategyConfiguration(RestartStrategy.FixedDelay settings) {
      this.settings = settings;
    }

    /** Restarts allowed before the job fails. */
    public int getRestartAttempts() {
      return settings.attempts();
    }

    /** The wait before each restart, as a Flink {@link Time}. */
    @Deprecated
    public Time getDelayBetweenAttemptsInterval() {
      return Time.fromDuration(settings.delay());
    }

    /** The wait before each restart. */
    public Duration getDurationBetweenAttempts() {
      return settings.delay();
    }

    @Override
    public String type() {
      return settings.type();
    }

    @Override
    public Configuration toConfiguration() {
      return settings.toConfiguration();
    }

    @Override
    public String getDescription() {
      return "Fixed delay: up to " + settings.attempts() + " restarts, each " + settings.delay().toMillis()
          + " ms after the failure.";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FixedDelayRestartStrategyConfiguration other && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
      return settings.hashCode();
    }
  }

  /** Restarts after a fixed delay unless failures come faster than a given rate. */
  @PublicEvolving
  public static final class FailureRateRestartStrategyConfiguration extends RestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    private final RestartStrategy.FailureRate settings;

    /** Fails the job once more than {@code maxFailureRate} failures fall within {@code failureInterval}. */
    public FailureRateRestartStrategyConfiguration(int maxFailureRate, Duration failureInterval, Duration delay) {
      this(new RestartStrategy.FailureRate(maxFailureRate, failureInterval, delay));
    }

    /** As the {@code Duration} form, with Flink {@link Time}s. */
    @Deprecated
    public FailureRateRestartStrategyConfiguration(int maxFailureRate, Time failureInterval, Time delay) {
      this(maxFailureRate, Time.toDuration(failureInterval), Time.toDuration(delay));
    }

    FailureRateRestartStrategyConfiguration(RestartStrategy.FailureRate settings) {
      this.settings = settings;
    }

    /** Failures allowed within one interval. */
    public int getMaxFailureRate() {
      return settings.maxFailuresPerInterval();
    }

    /** The interval over which failures are counted, as a Flink {@link Time}. */
    @Deprecated
    public Time getFailureInterval() {
      return Time.fromDuration(settings.failureInterval());
    }

    /** The interval over which failures are counted. */
    public Duration getFailureIntervalDuration() {
      return settings.failureInterval();
    }

    /** The wait before each restart, as a Flink {@link Time}. */
    @Deprecated
    public Time getDelayBetweenAttemptsInterval() {
      return Time.fromDuration(settings.delay());
    }

    /** The wait before each restart. */
    public Duration getDurationBetweenAttempts() {
      return settings.delay();
    }

    @Override
    public String type() {
      return settings.type();
    }

    @Override
    public Configuration toConfiguration() {
      return settings.toConfiguration();
    }

    @Override
    public String getDescription() {
      return "Failure rate: restarts " + settings.delay().toMillis() + " ms after a failure, unless more than "
          + settings.maxFailuresPerInterval() + " failures fall within " + settings.failureInterval().toMillis()
          + " ms.";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FailureRateRestartStrategyConfiguration other && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
      return settings.hashCode();
    }
  }

  /** Restarts without limit after a back-off that grows with each failure and resets after a quiet time. */
  @PublicEvolving
  public static final class ExponentialDelayRestartStrategyConfiguration extends RestartStrategyConfiguration {

    private static final long serialVersionUID = 1L;

    private final RestartStrategy.ExponentialDelay settings;

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

    ExponentialDelayRestartStrategyConfiguration(RestartStrategy.ExponentialDelay settings) {
      this.settings = Objects.requireNonNull(settings);
    }

    /** The first back-off, as a Flink {@link Time}. */
    @Deprecated
    public Time getInitialBackoff() {
      return Time.fromDuration(settings.initialBackoff());
    }

    /** The first back-off. */
    public Duration getInitialBackoffDuration() {
      return settings.initialBackoff();
    }

    /** The largest back-off before jitter, as a Flink {@link Time}. */
    @Deprecated
    public Time getMaxBackoff() {
      return Time.fromDuration(settings.maxBackoff());
    }

    /** The largest back-off before jitter. */
    public Duration getMaxBackoffDuration() {
      return settings.maxBackoff();
    }

    /** The factor by which the back-off grows after each failure. */
    public double getBackoffMultiplier() {
      return settings.backoffMultiplier();
    }

    /** The failure-free time after which the back-off starts over, as a Flink {@link Time}. */
    @Deprecated
    public Time getResetBackoffThreshold() {
      return Time.fromDuration(settings.resetBackoffThreshold());
    }

    /** The failure-free time after which the back-off starts over. */
    public Duration getResetBackoffDurationThreshold() {
      return settings.resetBackoffThreshold();
    }

    /** The random spread of each back-off, as a fraction of it. */
    public double getJitterFactor() {
      return settings.jitterFactor();
    }

    @Override
    public String type() {
      return settings.type();
    }

    @Override
    public Configuration toConfiguration() {
      return settings.toConfiguration();
    }

    @Override
    public String getDescription() {
      return "Exponential delay: the first restart " + settings.initialBackoff().toMillis()
          + " ms after the failure, each next back-off " + settings.backoffMultiplier() + " times longer up to "
          + settings.maxBackoff().toMillis() + " ms (jitter " + settings.jitterFactor() + "), starting over after "
          + settings.resetBackoffThreshold().toMillis() + " ms without failure.";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ExponentialDelayRestartStrategyConfiguration other && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
      return settings.hashCode();
    }
  }
}
