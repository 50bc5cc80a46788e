package io.spate.runtime.taskexecutor;

import static io.spate.runtime.taskexecutor.IdleBackOff.FIRST_PARK_NANOS;
import static io.spate.runtime.taskexecutor.IdleBackOff.MAX_PARK_NANOS;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** What a worker does when a round of its tasklets made no progress. */
class IdleBackOffTest {

  private static final long NONE = Long.MAX_VALUE;

  @Test
  void aRoundWithProgressOrADeadlineDueIsFollowedByTheNextAtOnce() {
    assertThat(IdleBackOff.next(0, NONE)).isEqualTo(IdleBackOff.NOW);
    assertThat(IdleBackOff.next(0, 50_000)).isEqualTo(IdleBackOff.NOW);
    assertThat(IdleBackOff.next(7, 0)).isEqualTo(IdleBackOff.NOW);
    assertThat(IdleBackOff.next(7, -3_000)).isEqualTo(IdleBackOff.NOW);
  }

  @Test
  void withNothingToWaitForTheWorkerParksAtOnceAndLongerTheLongerItStaysIdle() {
    assertThat(IdleBackOff.next(1, NONE)).isEqualTo(FIRST_PARK_NANOS);
    assertThat(IdleBackOff.next(2, NONE)).isEqualTo(2 * FIRST_PARK_NANOS);
    assertThat(IdleBackOff.next(3, NONE)).isEqualTo(4 * FIRST_PARK_NANOS);
    assertThat(IdleBackOff.next(4, NONE)).isEqualTo(8 * FIRST_PARK_NANOS);
    assertThat(IdleBackOff.next(5, NONE)).isEqualTo(MAX_PARK_NANOS);
    assertThat(IdleBackOff.next(Integer.MAX_VALUE, NONE)).isEqualTo(MAX_PARK_NANOS);
  }

  @Test
  void aDeadlineAFewMicrosecondsAwayIsSpunFor() {
    assertThat(IdleBackOff.next(1, 1)).isEqualTo(IdleBackOff.SPIN);
    assertThat(IdleBackOff.next(40, 5_000)).isEqualTo(IdleBackOff.SPIN);
    assertThat(IdleBackOff.next(40, 5_001)).isEqualTo(5_001);
  }

  @Property
  void aParkNeverOutlastsTheDeadlineOrTheCap(@ForAll @IntRange(min = 1) int idleRounds,
      @ForAll @LongRange(min = 5_001) long nanosToDeadline) {
    long wait = IdleBackOff.next(idleRounds, nanosToDeadline);
    assertThat(wait).isPositive().isLessThanOrEqualTo(Math.min(nanosToDeadline, MAX_PARK_NANOS));
  }

  @Property
  void aLongerIdleSpellNeverParksShorter(@ForAll @IntRange(min = 1, max = 1_000) int idleRounds,
      @ForAll @LongRange(min = 5_001) long nanosToDeadline) {
    assertThat(IdleBackOff.next(idleRounds + 1, nanosToDeadline))
        .isGreaterThanOrEqualTo(IdleBackOff.next(idleRounds, nanosToDeadline));
  }
}
