package io.spate.runtime.jobmaster.failover;

import io.spate.runtime.DurationFormat;

import io.spate.api.common.RestartStrategy;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Restarts with a back-off that starts at the initial value and grows by the multiplier after each
 * failure up to the maximum, each moved randomly by up to the jitter factor of itself. When the job
 * has run for the reset threshold since its last restart, the back-off and the attempt count start
 * over; more attempts than allowed between two resets fail the job.
 */
public final class ExponentialDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

  private final long initialBackoffMillis;
  private final long maxBackoffMillis;
  private final double multiplier;
  private final long resetThresholdMillis;
  private final double jitterFactor;
  private final int attemptsBeforeReset;
  private final LongSupplier clockMillis;
  private final Random random;

  private boolean failedBefore;
  private long lastFailureMillis;
  /** The back-off of the latest failure before jitter. */
  private long baseBackoffMillis;
  /** The back-off of the latest failure with jitter: what the JobMaster waits. */
  private long backoffMillis;
  private long attemptsSinceReset;

  /** A strategy with the values of {@code settings}, reading time from {@code clockMillis}. */
  public ExponentialDelayRestartBackoffTimeStrategy(
      RestartStrategy.ExponentialDelay settings, LongSupplier clockMillis, Random random) {
    this.initialBackoffMillis = settings.initialBackoff().toMillis();
    this.maxBackoffMillis = settings.maxBackoff().toMillis();
    this.multiplier = settings.backoffMultiplier();
    this.resetThresholdMillis = settings.resetBackoffThreshold().toMillis();
    this.jitterFactor = settings.jitterFactor();
    this.attemptsBeforeReset = settings.attemptsBeforeReset();
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public void notifyFailure(Throwable cause) {
    long now = clockMillis.getAsLong();
    // The job ran stably if it was up for the threshold after the restart that followed the last failure.
    boolean ranStably = failedBefore && now - lastFailureMillis - backoffMillis >= resetThresholdMillis;
    if (!failedBefore || ranStably) {
      baseBackoffMillis = initialBackoffMillis;
      attemptsSinceReset = 0;
    } else {
      baseBackoffMillis = (long) Math.min((double) maxBackoffMillis, baseBackoffMillis * multiplier);
    }
    attemptsSinceReset++;
    failedBefore = true;
    lastFailureMillis = now;
    backoffMillis = baseBackoffMillis + jitter(baseBackoffMillis);
  }

  private long jitter(long base) {
    long spread = (long) (base * jitterFactor);
    return spread == 0 ? 0 : random.nextLong(-spread, spread + 1);
  }

  @Override
  public boolean canRestart() {
    return attemptsSinceReset <= attemptsBeforeReset;
  }

  @Override
  public long getBackoffTime() {
    return backoffMillis;
  }

  @Override
  public String toString() {
    return "exponential delay: from " + DurationFormat.of(initialBackoffMillis) + " times " + multiplier
        + " up to " + DurationFormat.of(maxBackoffMillis) + ", jitter " + Math.round(jitterFactor * 100) + "%, back to "
        + DurationFormat.of(initialBackoffMillis) + " after " + DurationFormat.of(resetThresholdMillis)
        + " without failure, "
        + (attemptsBeforeReset == Integer.MAX_VALUE ? "unlimited attempts" : attemptsBeforeReset
            + (attemptsBeforeReset == 1 ? " attempt" : " attempts") + " before that");
  }
}
