package io.spate.runtime.worker;

import io.spate.runtime.worker.IdleBackOff;
import static io.spate.runtime.worker.IdleBackOff.FIRST_PARK_NANOS;
import static io.spate.runtime.worker.IdleBackOff.MAX_PARK_NANOS;
import static io.spate.runtime.worker.IdleBackOff.MAX_SPIN_AHEAD_NANOS;
import static io.spate.runtime.worker.IdleBackOff.MIN_SPIN_AHEAD_NANOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

/** What a worker does when a round of its tasklets made no progress. */
class IdleBackOffTest {

  private static final long NONE = Long.MAX_VALUE;

  @Test
  void aRoundWithProgressOrADeadlineDueIsFollowedByTheNextAtOnce() {
    assertThat(IdleBackOff.next(0, NONE, 0)).isEqualTo(IdleBackOff.NOW);
    assertThat(IdleBackOff.next(0, 50_000, 0)).isEqualTo(IdleBackOff.NOW);
    assertThat(IdleBackOff.next(7, 0, 1_000)).isEqualTo(IdleBackOff.NOW);
    assertThat(IdleBackOff.next(7, -3_000, 1_000)).isEqualTo(IdleBackOff.NOW);
  }

  @Test
  void withNothingToWaitForTheWorkerParksAtOnceAndLongerTheLongerItStaysIdle() {
    assertThat(IdleBackOff.next(1, NONE, 0)).isEqualTo(FIRST_PARK_NANOS);
    assertThat(IdleBackOff.next(2, NONE, 100_000)).isEqualTo(2 * FIRST_PARK_NANOS);
    assertThat(IdleBackOff.next(3, NONE, 300_000)).isEqualTo(4 * FIRST_PARK_NANOS);
    assertThat(IdleBackOff.next(4, NONE, 700_000)).isEqualTo(8 * FIRST_PARK_NANOS);
    assertThat(IdleBackOff.next(5, NONE, 1_500_000)).isEqualTo(MAX_PARK_NANOS);
    assertThat(IdleBackOff.next(Integer.MAX_VALUE, NONE, Long.MAX_VALUE)).isEqualTo(MAX_PARK_NANOS);
  }

  @Test
  void aDeadlineAFewMicrosecondsAwayIsSpunFor() {
    assertThat(IdleBackOff.next(1, 1, 0)).isEqualTo(IdleBackOff.SPIN);
    assertThat(IdleBackOff.next(40, 5_000, 0)).isEqualTo(IdleBackOff.SPIN);
    assertThat(IdleBackOff.next(40, 5_001, 0)).isEqualTo(5_001 - MIN_SPIN_AHEAD_NANOS);
  }

  /** A park returns tens of microseconds late, so a worker that waits a millisecond parks until 100 us before and spins. */
  @Test
  void aWorkerWaitingAMillisecondParksUntilShortlyBeforeTheDeadlineAndSpinsTheRest() {
    assertThat(IdleBackOff.next(4, 400_000, 600_000)).isEqualTo(400_000 - MAX_SPIN_AHEAD_NANOS);
    assertThat(IdleBackOff.next(5, 100_000, 900_000)).isEqualTo(IdleBackOff.SPIN);
    assertThat(IdleBackOff.next(5, 101_000, 899_000)).isEqualTo(1_000);
  }

  @Test
  void aParkNeverOutlastsTheDeadlineOrTheCap() {
    qt().forAll(integers().between(1, Integer.MAX_VALUE), longs().between(1, Long.MAX_VALUE),
            longs().between(0, Long.MAX_VALUE))
        .checkAssert(IdleBackOffTest::aParkNeverOutlastsTheDeadlineOrTheCap);
  }

  private static void aParkNeverOutlastsTheDeadlineOrTheCap(int idleRounds, long nanosToDeadline, long idleNanos) {
    long wait = IdleBackOff.next(idleRounds, nanosToDeadline, idleNanos);
    if (wait != IdleBackOff.SPIN) {
      assertThat(wait).isPositive()
          .isLessThanOrEqualTo(Math.min(nanosToDeadline - IdleBackOff.spinAhead(nanosToDeadline, idleNanos),
              MAX_PARK_NANOS));
    }
  }

  /**
   * A worker spins only in the last stretch before a deadline, which is at most 100 us and at most
   * an eighth of the idle spell (but always the last 5 us), and it never spins without a deadline.
   */
  @Test
  void aWorkerSpinsOnlyInTheLastEighthOfItsIdleSpellBeforeADeadline() {
    qt().forAll(integers().between(1, Integer.MAX_VALUE), longs().between(1, Long.MAX_VALUE),
            longs().between(0, 1L << 50))
        .checkAssert(IdleBackOffTest::aWorkerSpinsOnlyInTheLastEighthOfItsIdleSpellBeforeADeadline);
  }

  private static void aWorkerSpinsOnlyInTheLastEighthOfItsIdleSpellBeforeADeadline(int idleRounds,
      long nanosToDeadline, long idleNanos) {
    if (IdleBackOff.next(idleRounds, nanosToDeadline, idleNanos) == IdleBackOff.SPIN) {
      assertThat(nanosToDeadline).isNotEqualTo(NONE).isLessThanOrEqualTo(Math.max(MIN_SPIN_AHEAD_NANOS,
          Math.min(MAX_SPIN_AHEAD_NANOS, (idleNanos + nanosToDeadline) / 8)));
    }
    assertThat(IdleBackOff.next(idleRounds, NONE, idleNanos)).isNotEqualTo(IdleBackOff.SPIN);
  }

  @Test
  void aLongerIdleSpellNeverParksShorter() {
    qt().forAll(integers().between(1, 1_000), longs().between(200_001, Long.MAX_VALUE), longs().between(0, 1L << 50))
        .checkAssert(IdleBackOffTest::aLongerIdleSpellNeverParksShorter);
  }

  private static void aLongerIdleSpellNeverParksShorter(int idleRounds, long nanosToDeadline, long idleNanos) {
    assertThat(IdleBackOff.next(idleRounds + 1, nanosToDeadline, idleNanos))
        .isGreaterThanOrEqualTo(IdleBackOff.next(idleRounds, nanosToDeadline, idleNanos));
  }
}
