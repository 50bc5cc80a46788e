package io.spate.runtime.jobmaster.failover;

import io.spate.runtime.DurationFormat;

import io.spate.api.common.RestartStrategy;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Restarts after each failure with a fixed delay, unless the failures within the sliding interval
 * ending at the latest one (both ends included) outnumber the allowed maximum.
 */
public final class FailureRateRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

  private final int maxFailuresPerInterval;
  private final long intervalMillis;
  private final long delayMillis;
  private final LongSupplier clockMillis;
  /** Times of the latest failures within the interval; at most one more than the maximum is kept. */
  private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();

  /** A strategy with the values of {@code settings}, reading time from {@code clockMillis}. */
  public FailureRateRestartBackoffTimeStrategy(RestartStrategy.FailureRate settings, LongSupplier clockMillis) {
    this.maxFailuresPerInterval = settings.maxFailuresPerInterval();
    this.intervalMillis = settings.failureInterval().toMillis();
    this.delayMillis = settings.delay().toMillis();
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
  }

  @Override
  public void notifyFailure(Throwable cause) {
    long now = clockMillis.getAsLong();
    failureTimes.addLast(now);
    while (now - failureTimes.peekFirst() > intervalMillis || failureTimes.size() > maxFailuresPerInterval + 1) {
      failureTimes.removeFirst();
    }
  }

  @Override
  public boolean canRestart() {
    return failureTimes.size() <= maxFailuresPerInterval;
  }

  @Override
  public long getBackoffTime() {
    return delayMillis;
  }

  @Override
  public String toString() {
    return "failure rate: at most " + maxFailuresPerInterval
        + (maxFailuresPerInterval == 1 ? " restart" : " restarts") + " per " + DurationFormat.of(intervalMillis)
        + ", " + DurationFormat.of(delayMillis) + " after each failure";
  }
}
