package io.spate.runtime.jobmaster.failover;

import io.spate.runtime.DurationFormat;

import io.spate.api.common.RestartStrategy;

/** Restarts a fixed number of times, each after the same delay, then fails the job. */
public final class FixedDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

  private final int maxAttempts;
  private final long delayMillis;
  private long failures;

  /** A strategy with the attempts and delay of {@code settings}. */
  public FixedDelayRestartBackoffTimeStrategy(RestartStrategy.FixedDelay settings) {
    this.maxAttempts = settings.attempts();
    this.delayMillis = settings.delay().toMillis();
  }

  @Override
  public void notifyFailure(Throwable cause) {
    failures++;
  }

  @Override
  public boolean canRestart() {
    return failures <= maxAttempts;
  }

  @Override
  public long getBackoffTime() {
    return delayMillis;
  }

  @Override
  public String toString() {
    return "fixed delay: " + maxAttempts + (maxAttempts == 1 ? " attempt, " : " attempts, ")
        + DurationFormat.of(delayMillis) + " apart";
  }
}
