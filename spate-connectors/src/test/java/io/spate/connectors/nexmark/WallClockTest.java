package io.spate.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Placing wall-clock instants on the {@code nanoTime} scale. */
class WallClockTest {

  @Test
  void anInstantIsPlacedToTheNanosecondOfTheWallClock() {
    qt().withExamples(200)
        .forAll(SourceDSL.longs().between(1, 4_000_000_000_000L), SourceDSL.longs().between(0, 3_600_000_000_000L),
            SourceDSL.longs().between(0, Long.MAX_VALUE / 2))
        .checkAssert(WallClockTest::anInstantIsPlacedExactly);
  }

  private static void anInstantIsPlacedExactly(long originMillis, long sinceOriginNanos, long nowNanos) {
    Instant wall = Instant.ofEpochMilli(originMillis).plusNanos(sinceOriginNanos);

    assertThat(WallClock.nanoTimeAt(originMillis, nowNanos, wall))
        .isEqualTo(nowNanos - sinceOriginNanos);
  }

  /**
   * A thread stalled between the two clocks (the first {@code Instant.now()} of a JVM loads classes)
   * reads them again, and places the instant from the first reading whose {@code nanoTime} bracket is tight.
   */
  @Test
  void theClocksAreReadAgainUntilTheyLieCloseTogether() {
    qt().withExamples(200)
        .forAll(SourceDSL.integers().between(0, 20), SourceDSL.longs().between(5_001, 5_000_000),
            SourceDSL.longs().between(0, 5_000), SourceDSL.longs().between(0, 3_600_000_000_000L))
        .checkAssert(WallClockTest::theClocksAreReadAgainUntilTight);
  }

  private static void theClocksAreReadAgainUntilTight(int stalledReadings, long stall, long tightGap, long sinceOriginNanos) {
    long originMillis = 1_767_225_600_000L;
    long[] now = {1_000_000_000L};
    int[] readings = {0};
    // both clocks tell the true time; a stalled reading reads the wall clock 'stall' ns after the
    // nanoTime before it, a tight one 'tightGap' ns after, and nanoTime right after it
    Supplier<Instant> wall = () -> {
      now[0] += readings[0] < stalledReadings ? stall : tightGap;
      readings[0]++;
      return Instant.ofEpochMilli(originMillis).plusNanos(sinceOriginNanos + now[0]);
    };
    LongSupplier nanos = () -> now[0];

    long origin = WallClock.nanoTimeAt(originMillis, nanos, wall);

    // the true origin is nanoTime 0 minus sinceOriginNanos; the tight reading errs by at most half its gap
    long trueOrigin = -sinceOriginNanos;
    long error = Math.abs(origin - trueOrigin);
    assertThat(readings[0]).isEqualTo(stalledReadings + 1);
    assertThat(error).isLessThanOrEqualTo(tightGap / 2 + 1);
  }
}
