package io.spate.runtime.jobmaster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RestartStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each strategy's decisions and back-off times, failure by failure, under a manual clock. */
class RestartBackoffTimeStrategiesTest {

  private static final RuntimeException FAILURE = new RuntimeException("boom");
  private final AtomicLong clock = new AtomicLong(1_000_000);

  @Test
  void noRestartNeverRestarts() {
    RestartBackoffTimeStrategy strategy = NoRestartBackoffTimeStrategy.INSTANCE;
    strategy.notifyFailure(FAILURE);
    assertThat(strategy.canRestart()).isFalse();
    assertThat(strategy).hasToString("no restart");
  }

  @Test
  void fixedDelayAllowsExactlyItsAttempts() {
    FixedDelayRestartBackoffTimeStrategy strategy =
        new FixedDelayRestartBackoffTimeStrategy(new RestartStrategy.FixedDelay(3, Duration.ofSeconds(1)));
    assertThat(strategy.canRestart()).isTrue();
    List<Boolean> decisions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      strategy.notifyFailure(FAILURE);
      decisions.add(strategy.canRestart());
      assertThat(strategy.getBackoffTime()).isEqualTo(1_000);
    }
    assertThat(decisions).containsExactly(true, true, true, false, false);
    assertThat(strategy).hasToString("fixed delay: 3 attempts, 1 s apart");
  }

  @Test
  void fixedDelayWithZeroAttemptsFailsAtOnce() {
    FixedDelayRestartBackoffTimeStrategy strategy =
        new FixedDelayRestartBackoffTimeStrategy(new RestartStrategy.FixedDelay(0, Duration.ofMillis(250)));
    strategy.notifyFailure(FAILURE);
    assertThat(strategy.canRestart()).isFalse();
    assertThat(strategy).hasToString("fixed delay: 0 attempts, 250 ms apart");
  }

  @Test
  void failureRateCountsFailuresInTheSlidingInterval() {
    FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(
        new RestartStrategy.FailureRate(2, Duration.ofSeconds(10), Duration.ofMillis(500)), clock::get);
    assertThat(failAt(strategy, 0)).isTrue();
    assertThat(strategy.getBackoffTime()).isEqualTo(500);
    assertThat(failAt(strategy, 1_000)).isTrue();
    assertThat(failAt(strategy, 9_000)).as("third failure within 10 s of the first").isFalse();
  }

  @Test
  void failuresOlderThanTheIntervalNoLongerCount() {
    FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(
        new RestartStrategy.FailureRate(2, Duration.ofSeconds(10), Duration.ZERO), clock::get);
    assertThat(failAt(strategy, 0)).isTrue();
    assertThat(failAt(strategy, 5_000)).isTrue();
    assertThat(failAt(strategy, 10_001)).as("the first failure left the window").isTrue();
    assertThat(failAt(strategy, 15_000)).as("5 s, 10.001 s and 15 s lie within 10 s").isFalse();
  }

  @Test
  void theIntervalIncludesBothEnds() {
    FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(
        new RestartStrategy.FailureRate(1, Duration.ofSeconds(1), Duration.ZERO), clock::get);
    assertThat(failAt(strategy, 0)).isTrue();
    assertThat(failAt(strategy, 1_000)).isFalse();
    assertThat(new FailureRateRestartBackoffTimeStrategy(
        new RestartStrategy.FailureRate(3, Duration.ofMinutes(5), Duration.ofSeconds(10)), clock::get))
        .hasToString("failure rate: at most 3 restarts per 5 min, 10 s after each failure");
  }

  @Test
  void exponentialDelayGrowsByTheMultiplierUpToTheMaximum() {
    ExponentialDelayRestartBackoffTimeStrategy strategy = exponential(1_000, 10_000, 2.0, 3_600_000, 0.0,
        Integer.MAX_VALUE);
    List<Long> backoffs = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      clock.addAndGet(strategy.getBackoffTime() + 10);
      strategy.notifyFailure(FAILURE);
      assertThat(strategy.canRestart()).isTrue();
      backoffs.add(strategy.getBackoffTime());
    }
    assertThat(backoffs).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L, 10_000L);
  }

  @Test
  void exponentialDelayResetsAfterRunningStablyForTheThreshold() {
    ExponentialDelayRestartBackoffTimeStrategy strategy = exponential(1_000, 60_000, 3.0, 60_000, 0.0, 2);
    failAt(strategy, 0);
    assertThat(strategy.getBackoffTime()).isEqualTo(1_000);
    assertThat(failAt(strategy, 1_000 + 59_999)).as("one ms short of a stable minute").isTrue();
    assertThat(strategy.getBackoffTime()).isEqualTo(3_000);
    assertThat(failAt(strategy, 61_000)).as("third attempt without a reset").isFalse();

    long resetAt = 61_000 + strategy.getBackoffTime() + 60_000;
    assertThat(failAt(strategy, resetAt)).as("after a stable minute the attempts start over").isTrue();
    assertThat(strategy.getBackoffTime()).isEqualTo(1_000);
    assertThat(failAt(strategy, resetAt + 1)).isTrue();
    assertThat(strategy.getBackoffTime()).isEqualTo(3_000);
    assertThat(failAt(strategy, resetAt + 2)).isFalse();
  }

  @Test
  void exponentialJitterIsDeterministicForASeedAndWithinItsFactor() {
    ExponentialDelayRestartBackoffTimeStrategy a = exponential(1_000, 60_000, 1.5, 3_600_000, 0.5, 100,
        new Random(7));
    ExponentialDelayRestartBackoffTimeStrategy b = exponential(1_000, 60_000, 1.5, 3_600_000, 0.5, 100,
        new Random(7));
    List<Long> fromA = new ArrayList<>();
    List<Long> fromB = new ArrayList<>();
    double base = 1_000;
    for (int i = 0; i < 20; i++) {
      a.notifyFailure(FAILURE);
      b.notifyFailure(FAILURE);
      fromA.add(a.getBackoffTime());
      fromB.add(b.getBackoffTime());
      assertThat((double) a.getBackoffTime()).isBetween(Math.floor(base) * 0.5, Math.floor(base) * 1.5);
      base = Math.min(60_000, Math.floor(base) * 1.5);
    }
    assertThat(fromA).isEqualTo(fromB);
    assertThat(fromA).as("jitter moves the back-offs").doesNotHaveDuplicates();
  }

  @Test
  void exponentialDelayDescribesItself() {
    assertThat(exponential(1_000, 60_000, 1.5, 3_600_000, 0.1, Integer.MAX_VALUE)).hasToString(
        "exponential delay: from 1 s times 1.5 up to 1 min, jitter 10%, back to 1 s after 1 h without failure,"
            + " unlimited attempts");
    assertThat(exponential(500, 2_000, 2, 60_000, 0, 5)).hasToString(
        "exponential delay: from 500 ms times 2.0 up to 2 s, jitter 0%, back to 500 ms after 1 min without failure,"
            + " 5 attempts before that");
  }

  private boolean failAt(RestartBackoffTimeStrategy strategy, long offsetMillis) {
    clock.set(1_000_000 + offsetMillis);
    strategy.notifyFailure(FAILURE);
    return strategy.canRestart();
  }

  private ExponentialDelayRestartBackoffTimeStrategy exponential(
      long initial, long max, double multiplier, long reset, double jitter, int attempts) {
    return exponential(initial, max, multiplier, reset, jitter, attempts, new Random(1));
  }

  private ExponentialDelayRestartBackoffTimeStrategy exponential(
      long initial, long max, double multiplier, long reset, double jitter, int attempts, Random random) {
    return new ExponentialDelayRestartBackoffTimeStrategy(new RestartStrategy.ExponentialDelay(
        Duration.ofMillis(initial), Duration.ofMillis(max), multiplier, Duration.ofMillis(reset), jitter, attempts),
        clock::get, random);
  }
}
