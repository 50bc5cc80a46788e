package io.spate.runtime.jobmaster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RestartStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Laws of the back-off strategies over arbitrary failure sequences. */
class RestartBackoffTimeStrategyPropertiesTest {

  private static final RuntimeException FAILURE = new RuntimeException("boom");

  @Property
  void failureRateNeverAllowsMoreThanItsMaximumInAnyInterval(
      @ForAll @IntRange(min = 1, max = 5) int maxFailures,
      @ForAll @LongRange(min = 1, max = 1_000) long interval,
      @ForAll @Size(max = 60) List<@LongRange(min = 0, max = 400) Long> gaps) {
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

  @Property
  void failuresFartherApartThanTheIntervalAlwaysRestart(
      @ForAll @IntRange(min = 1, max = 5) int maxFailures,
      @ForAll @LongRange(min = 1, max = 1_000) long interval,
      @ForAll @Size(max = 30) List<@LongRange(min = 1, max = 1_000) Long> extraGaps) {
    long[] now = {0};
    FailureRateRestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(
        new RestartStrategy.FailureRate(maxFailures, Duration.ofMillis(interval), Duration.ZERO), () -> now[0]);
    for (long extra : extraGaps) {
      now[0] += interval + extra;
      strategy.notifyFailure(FAILURE);
      assertThat(strategy.canRestart()).isTrue();
    }
  }

  @Property
  void exponentialBackoffStaysWithinMaxPlusJitter(
      @ForAll @LongRange(min = 1, max = 10_000) long initial,
      @ForAll @LongRange(min = 0, max = 100_000) long extraMax,
      @ForAll @DoubleRange(min = 1.0, max = 10.0) double multiplier,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double jitter,
      @ForAll long seed,
      @ForAll @Size(max = 40) List<@LongRange(min = 0, max = 1_000_000) Long> gaps) {
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

  @Property
  void withoutJitterTheBackoffNeverShrinksUntilAReset(
      @ForAll @LongRange(min = 1, max = 10_000) long initial,
      @ForAll @LongRange(min = 0, max = 100_000) long extraMax,
      @ForAll @DoubleRange(min = 1.0, max = 10.0) double multiplier,
      @ForAll @Size(max = 40) List<@LongRange(min = 0, max = 1_000) Long> gaps) {
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

  @Property
  void exponentialDelayFailsAfterItsAttemptsWithoutAReset(
      @ForAll @IntRange(min = 1, max = 20) int attempts,
      @ForAll @IntRange(min = 1, max = 40) int failures) {
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
