package io.spate.runtime.jobmaster.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.common.RestartStrategy;
import io.spate.runtime.ShrinkingLists;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of the back-off strategies over arbitrary failure sequences. */
class RestartBackoffTimeStrategyPropertiesTest {

  private static final RuntimeException FAILURE = new RuntimeException("boom");

  /** The initial and maximum delay and the multiplier of an exponential back-off. */
  record Delays(long initial, long extraMax, double multiplier) {}

  private static Gen<Delays> delays() {
    return longs().between(1, 10_000).zip(longs().between(0, 100_000), doubles().between(1.0, 10.0), Delays::new);
  }

  @Test
  void failureRateNeverAllowsMoreThanItsMaximumInAnyInterval() {
    qt().forAll(integers().between(1, 5), longs().between(1, 1_000),
            ShrinkingLists.of(longs().between(0, 400), 0, 60))
        .checkAssert(RestartBackoffTimeStrategyPropertiesTest::failureRateNeverAllowsMoreThanItsMaximumInAnyInterval);
  }

  private static void failureRateNeverAllowsMoreThanItsMaximumInAnyInterval(int maxFailures, long interval,
      List<Long> gaps) {
    long[] now = {0};
    FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(
        new RestartStrategy.FailureRate(maxFailures, Duration.ofMillis(interval), Duration.ZERO), () -> now[0]);
    List<Long> allowed = new ArrayList<>();
    for (long gap : gaps) {
      now[0] += gap;
      strategy.notifyFailure(FAILURE);
      if (strategy.canRestart()) {
        allowed.add(now[0]);
      }
    }
    for (long windowEnd : allowed) {
      long inWindow = allowed.stream().filter(t -> t <= windowEnd && windowEnd - t <= interval).count();
      assertThat(inWindow).isLessThanOrEqualTo(maxFailures);
    }
  }

  @Test
  void failuresFartherApartThanTheIntervalAlwaysRestart() {
    qt().forAll(integers().between(1, 5), longs().between(1, 1_000),
            ShrinkingLists.of(longs().between(1, 1_000), 0, 30))
        .checkAssert(RestartBackoffTimeStrategyPropertiesTest::failuresFartherApartThanTheIntervalAlwaysRestart);
  }

  private static void failuresFartherApartThanTheIntervalAlwaysRestart(int maxFailures, long interval,
      List<Long> extraGaps) {
    long[] now = {0};
    FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(
        new RestartStrategy.FailureRate(maxFailures, Duration.ofMillis(interval), Duration.ZERO), () -> now[0]);
    for (long extra : extraGaps) {
      now[0] += interval + extra;
      strategy.notifyFailure(FAILURE);
      assertThat(strategy.canRestart()).isTrue();
    }
  }

  // The jitter comes from java.util.Random(seed), as before: the seed does not shrink to a smaller jitter.
  @Test
  void exponentialBackoffStaysWithinMaxPlusJitter() {
    qt().forAll(delays(), doubles().between(0.0, 1.0), longs().all(),
            ShrinkingLists.of(longs().between(0, 1_000_000), 0, 40))
        .checkAssert((delays, jitter, seed, gaps) -> exponentialBackoffStaysWithinMaxPlusJitter(
            delays.initial(), delays.extraMax(), delays.multiplier(), jitter, seed, gaps));
  }

  private static void exponentialBackoffStaysWithinMaxPlusJitter(long initial, long extraMax, double multiplier,
      double jitter, long seed, List<Long> gaps) {
    long max = initial + extraMax;
    long[] now = {0};
    ExponentialDelayRestartBackoffTimeStrategy strategy = new ExponentialDelayRestartBackoffTimeStrategy(
        new RestartStrategy.ExponentialDelay(Duration.ofMillis(initial), Duration.ofMillis(max), multiplier,
            Duration.ofMinutes(10), jitter, Integer.MAX_VALUE),
        () -> now[0], new Random(seed));
    for (long gap : gaps) {
      now[0] += gap;
      strategy.notifyFailure(FAILURE);
      assertThat(strategy.canRestart()).isTrue();
      assertThat((double) strategy.getBackoffTime())
          .isLessThanOrEqualTo(max + max * jitter) // as the strategy computes it: no rounding in between
          .isGreaterThanOrEqualTo(Math.floor(initial * (1 - jitter)));
    }
  }

  @Test
  void withoutJitterTheBackoffNeverShrinksUntilAReset() {
    qt().forAll(delays(), ShrinkingLists.of(longs().between(0, 1_000), 0, 40))
        .checkAssert((delays, gaps) -> withoutJitterTheBackoffNeverShrinksUntilAReset(
            delays.initial(), delays.extraMax(), delays.multiplier(), gaps));
  }

  private static void withoutJitterTheBackoffNeverShrinksUntilAReset(long initial, long extraMax,
      double multiplier, List<Long> gaps) {
    long max = initial + extraMax;
    long[] now = {0};
    ExponentialDelayRestartBackoffTimeStrategy strategy = new ExponentialDelayRestartBackoffTimeStrategy(
        new RestartStrategy.ExponentialDelay(Duration.ofMillis(initial), Duration.ofMillis(max), multiplier,
            Duration.ofHours(1), 0.0, Integer.MAX_VALUE),
        () -> now[0], new Random(0));
    long previous = initial;
    for (long gap : gaps) {
      now[0] += strategy.getBackoffTime() + gap;
      strategy.notifyFailure(FAILURE);
      assertThat(strategy.getBackoffTime()).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(max);
      previous = strategy.getBackoffTime();
    }
  }

  @Test
  void exponentialDelayFailsAfterItsAttemptsWithoutAReset() {
    qt().forAll(integers().between(1, 20), integers().between(1, 40))
        .checkAssert(RestartBackoffTimeStrategyPropertiesTest::exponentialDelayFailsAfterItsAttemptsWithoutAReset);
  }

  private static void exponentialDelayFailsAfterItsAttemptsWithoutAReset(int attempts, int failures) {
    long[] now = {0};
    ExponentialDelayRestartBackoffTimeStrategy strategy = new ExponentialDelayRestartBackoffTimeStrategy(
        new RestartStrategy.ExponentialDelay(Duration.ofMillis(10), Duration.ofMillis(1_000), 2.0,
            Duration.ofHours(1), 0.1, attempts),
        () -> now[0], new Random(3));
    for (int i = 1; i <= failures; i++) {
      now[0] += 100;
      strategy.notifyFailure(FAILURE);
      assertThat(strategy.canRestart()).isEqualTo(i <= attempts);
    }
  }
}
