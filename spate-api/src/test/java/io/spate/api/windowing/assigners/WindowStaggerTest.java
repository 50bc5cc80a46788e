package io.spate.api.windowing.assigners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Flink's window staggers, alone and in the tumbling assigners. */
class WindowStaggerTest {

  private static final long RANGE = 1L << 50;

  private static WindowAssigner.WindowAssignerContext at(long processingTime) {
    return new WindowAssigner.WindowAssignerContext() {
      @Override
      public long getCurrentProcessingTime() {
        return processingTime;
      }
    };
  }

  @Test
  void everyStaggerShiftsByLessThanTheSize() {
    qt().forAll(SourceDSL.integers().between(0, WindowStagger.values().length - 1),
            SourceDSL.longs().between(0, RANGE), SourceDSL.longs().between(1, 10_000_000))
        .checkAssert((index, now, size) ->
            assertThat(WindowStagger.values()[index].getStaggerOffset(now, size)).isBetween(0L, size - 1));
  }

  @Test
  void alignedDoesNotShiftAndNaturalShiftsToTheFirstRecordsTime() {
    qt().forAll(SourceDSL.longs().between(0, RANGE), SourceDSL.longs().between(1, 10_000_000))
        .checkAssert((now, size) -> {
          assertThat(WindowStagger.ALIGNED.getStaggerOffset(now, size)).isZero();
          assertThat(WindowStagger.NATURAL.getStaggerOffset(now, size)).isEqualTo(now % size);
        });
  }

  @Test
  void randomDrawsDifferentShifts() {
    long size = 1_000_000_000L;
    java.util.Set<Long> shifts = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      shifts.add(WindowStagger.RANDOM.getStaggerOffset(0, size));
    }
    // twenty draws from a billion values all equal would mean no randomness at all
    assertThat(shifts).hasSizeGreaterThan(1);
  }

  @Test
  void aStaggeredTumblingAssignerShiftsItsWindowsByItsFirstRecordsProcessingTime() {
    qt().forAll(SourceDSL.longs().between(-RANGE, RANGE), SourceDSL.longs().between(0, RANGE),
            SourceDSL.longs().between(1, 1_000_000), SourceDSL.longs().between(-1_000_000, 1_000_000))
        .checkAssert((timestamp, now, size, rawOffset) -> {
          long offset = rawOffset % size;
          TumblingEventTimeWindows assigner =
              TumblingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset), WindowStagger.NATURAL);
          TimeWindow w = only(assigner.assignWindows("x", timestamp, at(now)));
          assertThat(w.getEnd() - w.getStart()).isEqualTo(size);
          assertThat(timestamp).isBetween(w.getStart(), w.maxTimestamp());
          assertThat(Math.floorMod(w.getStart() - offset - now, size)).isZero();
        });
  }

  @Test
  void theShiftIsDrawnOnceAndKeptForLaterRecords() {
    TumblingProcessingTimeWindows assigner =
        TumblingProcessingTimeWindows.of(Duration.ofMillis(100), Duration.ZERO, WindowStagger.NATURAL);
    assertThat(only(assigner.assignWindows("x", 0, at(1_030)))).isEqualTo(new TimeWindow(1_030, 1_130));
    // a later clock does not move the windows again: they stay 30 ms past the multiples of 100
    assertThat(only(assigner.assignWindows("x", 0, at(1_177)))).isEqualTo(new TimeWindow(1_130, 1_230));
  }

  @Test
  void alignedIsTheDefaultAndTheTimeOverloadsAgree() {
    Collection<TimeWindow> plain = TumblingEventTimeWindows.of(Time.seconds(5), Time.seconds(1)).assignWindows("x", 12_345, at(7));
    Collection<TimeWindow> aligned = TumblingEventTimeWindows.of(Time.seconds(5), Time.seconds(1), WindowStagger.ALIGNED)
        .assignWindows("x", 12_345, at(7));
    assertThat(aligned).isEqualTo(plain).containsExactly(new TimeWindow(11_000, 16_000));
    assertThat(TumblingProcessingTimeWindows.of(Time.seconds(5), Time.seconds(0), WindowStagger.NATURAL)
        .assignWindows("x", 0, at(12_345))).containsExactly(new TimeWindow(12_345, 17_345));
  }

  @Test
  void aMissingStaggerIsRefusedNamingTheAssigner() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofSeconds(1), Duration.ZERO, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TumblingEventTimeWindows").hasMessageContaining("stagger");
  }

  private static TimeWindow only(Collection<TimeWindow> windows) {
    assertThat(windows).hasSize(1);
    return windows.iterator().next();
  }
}
