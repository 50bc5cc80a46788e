package io.spate.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Drives the rate limiter with a synthetic clock: permits are asserted, not wall-clock time. */
class PerSecondRateLimiterTest {

  private static final long T0 = 123_456_789_000L;

  @Property(tries = 300)
  void neverGrantsMoreThanTheRateAllowsSinceTheFirstRequest(
      @ForAll @DoubleRange(min = 0.5, max = 2_000_000) double rate,
      @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 50_000_000) Long> gaps,
      @ForAll @IntRange(min = 1, max = 1024) int wanted) {
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

  @Property(tries = 300)
  void aPermitIsDueWhenTheLimiterSaysSo(
      @ForAll @DoubleRange(min = 0.5, max = 2_000_000) double rate,
      @ForAll @Size(min = 1, max = 100) List<@LongRange(min = 0, max = 5_000_000) Long> gaps) {
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
