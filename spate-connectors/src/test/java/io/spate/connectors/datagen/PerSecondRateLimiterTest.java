package io.spate.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.BasicValueGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Drives the rate limiter with a synthetic clock: permits are asserted, not wall-clock time. */
class PerSecondRateLimiterTest {

  private static final long T0 = 123_456_789_000L;

  /** Rates with two decimal places, from half a permit to two million permits a second. */
  private static final Gen<Double> RATES = BasicValueGenerators.doubles(0.5, 2_000_000);

  private static Gen<List<Long>> gaps(int maxSize, long maxGap) {
    return BasicValueGenerators.lists(SourceDSL.longs().between(0, maxGap), 1, maxSize);
  }

  @Test
  void neverGrantsMoreThanTheRateAllowsSinceTheFirstRequest() {
    qt().withExamples(300).forAll(RATES, gaps(200, 50_000_000), SourceDSL.integers().between(1, 1024))
        .checkAssert(PerSecondRateLimiterTest::neverGrantsMoreThanTheRate);
  }

  private static void neverGrantsMoreThanTheRate(double rate, List<Long> gaps, int wanted) {
    PerSecondRateLimiter limiter = new PerSecondRateLimiter(rate);
    long now = T0;
    long granted = 0;
    for (long gap : gaps) {
      now += gap;
      granted += limiter.tryAcquire(wanted, now);
      double elapsedSeconds = (now - T0) / 1e9;
      assertThat((double) granted).isLessThanOrEqualTo(1 + Math.floor(rate * elapsedSeconds + 1e-6));
    }
  }

  @Test
  void aPermitIsDueWhenTheLimiterSaysSo() {
    qt().withExamples(300).forAll(RATES, gaps(100, 5_000_000))
        .checkAssert(PerSecondRateLimiterTest::aPermitIsDueWhenSaid);
  }

  private static void aPermitIsDueWhenSaid(double rate, List<Long> gaps) {
    PerSecondRateLimiter limiter = new PerSecondRateLimiter(rate);
    long now = T0;
    for (long gap : gaps) {
      now += gap;
      if (limiter.tryAcquire(1024, now) == 0) {
        long wait = limiter.nanosUntilNextPermit(now);
        assertThat(wait).isPositive();
        assertThat(limiter.tryAcquire(1, now + wait - 1)).as("not before it is due").isZero();
        now += wait;
        assertThat(limiter.tryAcquire(1, now)).isEqualTo(1);
      } else {
        assertThat(limiter.nanosUntilNextPermit(now)).isGreaterThanOrEqualTo(0);
      }
    }
  }

  @Test
  void aSteadyCallerGetsTheFullRate() {
    PerSecondRateLimiter limiter = new PerSecondRateLimiter(1000);
    long granted = 0;
    // Asking every 250 microseconds for a whole second.
    for (long t = 0; t < 1_000_000_000L; t += 250_000) {
      granted += limiter.tryAcquire(1024, T0 + t);
    }
    assertThat(granted).isBetween(999L, 1000L);
  }

  @Test
  void schedulesPermitsAtTheInterval() {
    PerSecondRateLimiter limiter = new PerSecondRateLimiter(4);
    assertThat(limiter.nanosUntilNextPermit(T0)).isZero();
    assertThat(limiter.tryAcquire(10, T0)).isEqualTo(1);
    assertThat(limiter.nanosUntilNextPermit(T0)).isEqualTo(250_000_000L);
    assertThat(limiter.tryAcquire(10, T0 + 100_000_000L)).isZero();
    assertThat(limiter.nanosUntilNextPermit(T0 + 100_000_000L)).isEqualTo(150_000_000L);
    assertThat(limiter.tryAcquire(10, T0 + 250_000_000L)).isEqualTo(1);
    assertThat(limiter.tryAcquire(10, T0 + 750_000_000L)).isEqualTo(2);
  }

  @Test
  void aStallIsNotFollowedByABurst() {
    PerSecondRateLimiter limiter = new PerSecondRateLimiter(1000);
    assertThat(limiter.tryAcquire(1, T0)).isEqualTo(1);
    // Ten seconds of backpressure: 10,000 permits fell due, but at most 100 ms of them are kept.
    int afterStall = limiter.tryAcquire(1_000_000, T0 + 10_000_000_000L);
    assertThat(afterStall).isBetween(100, 101);
    assertThat(limiter.tryAcquire(1_000_000, T0 + 10_000_000_000L)).isZero();
  }

  @Test
  void theStrategySharesTheRateAmongReaders() {
    RateLimiter perReader = RateLimiterStrategy.perSecond(400).createRateLimiter(4);
    long granted = 0;
    for (long t = 0; t <= 1_000_000_000L; t += 1_000_000) {
      granted += perReader.tryAcquire(1024, T0 + t);
    }
    assertThat(granted).isBetween(100L, 101L);
  }

  @Test
  void noOpGrantsEverything() {
    RateLimiter limiter = RateLimiterStrategy.noOp().createRateLimiter(3);
    assertThat(limiter.tryAcquire(1024, 0)).isEqualTo(1024);
    assertThat(limiter.nanosUntilNextPermit(0)).isZero();
  }

  @Test
  void rejectsRatesThatAreNotPositiveAndFinite() {
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> RateLimiterStrategy.perSecond(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("positive, finite");
    }
  }
}
