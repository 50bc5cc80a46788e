package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import java.time.Duration;

/** Options that choose whether, how often and how soon a failed job is restarted. */
@PublicEvolving
public final class RestartStrategyOptions {

  private RestartStrategyOptions() {}

  /** The restart strategy's name. */
  public static final ConfigOption<String> RESTART_STRATEGY =
      ConfigOption.key("restart-strategy.type")
          .stringType()
          .defaultValue(null, "exponential-delay with checkpointing, else none")
          .withDescription("How a failed job is restarted: none (also off, disable), fixed-delay (fixeddelay),"
              + " failure-rate (failurerate) or exponential-delay (exponentialdelay). Unset: exponential-delay"
              + " when checkpointing is enabled, none otherwise. Also read under Flink's older key"
              + " restart-strategy.")
          .withDeprecatedKeys("restart-strategy");

  /** Restarts allowed by fixed-delay before the job fails. */
  public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS =
      ConfigOption.key("restart-strategy.fixed-delay.attempts")
          .intType()
          .defaultValue(1)
          .withDescription("fixed-delay: restarts before the job is declared failed.");

  /** The wait before each fixed-delay restart. */
  public static final ConfigOption<Duration> FIXED_DELAY_DELAY =
      ConfigOption.key("restart-strategy.fixed-delay.delay")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("fixed-delay: wait between a failure and the restart.");

  /** Failures allowed by failure-rate within one interval. */
  public static final ConfigOption<Integer> FAILURE_RATE_MAX_FAILURES_PER_INTERVAL =
      ConfigOption.key("restart-strategy.failure-rate.max-failures-per-interval")
          .intType()
          .defaultValue(1)
          .withDescription("failure-rate: restarts allowed within one interval; one more failure within the"
              + " interval fails the job.");

  /** The sliding window in which failure-rate counts failures. */
  public static final ConfigOption<Duration> FAILURE_RATE_INTERVAL =
      ConfigOption.key("restart-strategy.failure-rate.failure-rate-interval")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription("failure-rate: the sliding window over which failures are counted.");

  /** The wait before each failure-rate restart. */
  public static final ConfigOption<Duration> FAILURE_RATE_DELAY =
      ConfigOption.key("restart-strategy.failure-rate.delay")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("failure-rate: wait between a failure and the restart.");

  /** The first exponential-delay back-off. */
  public static final ConfigOption<Duration> EXPONENTIAL_DELAY_INITIAL_BACKOFF =
      ConfigOption.key("restart-strategy.exponential-delay.initial-backoff")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription("exponential-delay: wait before the first restart, and again after a reset.");

  /** The largest exponential-delay back-off (before jitter). */
  public static final ConfigOption<Duration> EXPONENTIAL_DELAY_MAX_BACKOFF =
      ConfigOption.key("restart-strategy.exponential-delay.max-backoff")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription("exponential-delay: the back-off stops growing here (jitter may add to it).");

  /** The factor by which the exponential-delay back-off grows after each failure. */
  public static final ConfigOption<Double> EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER =
      ConfigOption.key("restart-strategy.exponential-delay.backoff-multiplier")
          .doubleType()
          .defaultValue(1.5)
          .withDescription("exponential-delay: factor (at least 1) by which the back-off grows after each"
              + " failure.");

  /** How long a job must run without failing for the back-off to return to its initial value. */
  public static final ConfigOption<Duration> EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD =
      ConfigOption.key("restart-strategy.exponential-delay.reset-backoff-threshold")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription("exponential-delay: after running this long without a failure, the back-off and the"
              + " attempt count start over.");

  /** The random spread of each exponential-delay back-off, as a fraction of it. */
  public static final ConfigOption<Double> EXPONENTIAL_DELAY_JITTER_FACTOR =
      ConfigOption.key("restart-strategy.exponential-delay.jitter-factor")
          .doubleType()
          .defaultValue(0.1)
          .withDescription("exponential-delay: each back-off is moved by a random amount of up to this fraction"
              + " of it (0 to 1), so that many jobs failing together do not restart together.");

  /** Restarts allowed by exponential-delay between two resets. */
  public static final ConfigOption<Integer> EXPONENTIAL_DELAY_ATTEMPTS =
      ConfigOption.key("restart-strategy.exponential-delay.attempts-before-reset-backoff")
          .intType()
          .defaultValue(Integer.MAX_VALUE, "infinite")
          .withDescription("exponential-delay: restarts allowed before the job is declared failed, counted since"
              + " the last reset of the back-off.");

  /**
   * Removes every {@code restart-strategy.*} value from {@code conf}, so that a strategy set next
   * replaces the previous one whole, and none set means the cluster's or the default applies.
   */
  public static void clear(Configuration conf) {
    for (String key : conf.keySet()) {
      if (key.equals("restart-strategy") || key.startsWith("restart-strategy.")) {
        conf.removeKey(key);
      }
    }
  }
}
