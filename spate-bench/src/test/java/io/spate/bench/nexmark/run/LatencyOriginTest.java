package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The latency law that both engines' sinks apply. */
class LatencyOriginTest {

  private static final long FIRST = 1_000_000;
  private static final long LAST = FIRST + 100;
  private static final long MS = 1_000_000L;

  @Test
  void theOriginIsTheEarliestScheduleOverAllEvents() {
    LatencyOrigin origin = new LatencyOrigin(FIRST, LAST);
    origin.observe(FIRST, 500 * MS);          // event 0 emitted 500 ms after some clock zero
    origin.observe(FIRST + 10, 520 * MS);     // 10 ms of event time later, 10 ms behind schedule
    assertThat(origin.originNanos()).isEqualTo(500 * MS);

    origin.observe(FIRST + 30, 525 * MS);     // ahead of event 0's schedule: the origin moves back to 495 ms

    assertThat(origin.originNanos()).isEqualTo(495 * MS);
    assertThat(origin.latencyMicros(FIRST + 10, 513 * MS)).isEqualTo(8_000);
    assertThat(origin.latencyMicros(FIRST, 495 * MS)).isZero();
  }

  @Test
  void theOriginIsTheLeastScheduleWhateverTheOrderOfEvents() {
    qt().forAll(SourceDSL.lists().of(SourceDSL.longs().between(0, 100)).ofSizeBetween(1, 40),
            SourceDSL.lists().of(SourceDSL.longs().between(0, 1_000_000_000)).ofSize(40))
        .checkAssert(LatencyOriginTest::theOriginIsTheLeastSchedule);
  }

  private static void theOriginIsTheLeastSchedule(List<Long> offsets, List<Long> emissions) {
    LatencyOrigin origin = new LatencyOrigin(FIRST, LAST);
    long least = Long.MAX_VALUE;
    for (int i = 0; i < offsets.size(); i++) {
      origin.observe(FIRST + offsets.get(i), emissions.get(i));
      least = Math.min(least, emissions.get(i) - offsets.get(i) * MS);
    }

    assertThat(origin.originNanos()).isEqualTo(least);
  }

  /** A processing-time window's row counts from the end of its window by the wall clock, whatever the events' times. */
  @Test
  void aRowStampedWithProcessingTimeCountsFromTheEndOfItsWindow() {
    qt().forAll(SourceDSL.longs().between(1_000_000_000_000L, 4_000_000_000_000L),
            SourceDSL.longs().between(0, 60_000_000_000L),
            SourceDSL.longs().between(-1_000_000_000_000L, 1_000_000_000_000L))
        .checkAssert(LatencyOriginTest::aProcessingTimeRowCountsFromItsWindowEnd);
  }

  private static void aProcessingTimeRowCountsFromItsWindowEnd(long windowEnd, long delayNanos, long nanoTimeAtWindowEnd) {
    long epochNanosAtNanoTimeZero = windowEnd * MS - nanoTimeAtWindowEnd;
    LatencyOrigin origin = LatencyOrigin.processingTime(FIRST, LAST, epochNanosAtNanoTimeZero);
    origin.observe(FIRST, 7 * MS);

    assertThat(origin.latencyMicros(windowEnd - 1, nanoTimeAtWindowEnd + delayNanos)).isEqualTo(delayNanos / 1_000);
    assertThat(origin.latencyMicros(windowEnd - 1, nanoTimeAtWindowEnd - 1_000)).isZero();
    assertThat(origin.latencyMicros(null, nanoTimeAtWindowEnd)).isEqualTo(-1);
  }

  @Test
  void aProcessingTimeOriginReadsTheWallClock() {
    NexmarkConfiguration c = NexmarkConfiguration.builder().events(1_000).eventsPerSecond(1_000).build();
    long before = System.currentTimeMillis();
    LatencyOrigin origin = LatencyOrigin.of(c, true);

    // a window that ended a second before the origin was made is at least a second late now
    assertThat(origin.latencyMicros(before - 1_001, System.nanoTime())).isGreaterThanOrEqualTo(1_000_000);
    assertThat(LatencyOrigin.of(c, false).latencyMicros(before - 1_001, System.nanoTime())).isEqualTo(-1);
  }

  @Test
  void aRowStampedAfterTheLastEventCountsFromTheLastEvent() {
    qt().forAll(SourceDSL.longs().between(1, 1_000_000), SourceDSL.integers().between(0, 5_000))
        .checkAssert(LatencyOriginTest::aLateRowCountsFromTheLastEvent);
  }

  private static void aLateRowCountsFromTheLastEvent(long beyond, int delayMicros) {
    LatencyOrigin origin = new LatencyOrigin(FIRST, LAST);
    origin.observe(FIRST, 7 * MS);
    long lastDue = 7 * MS + (LAST - FIRST) * MS;

    // a window ending after the last event, which only the end of input fires
    assertThat(origin.latencyMicros(LAST + beyond, lastDue + delayMicros * 1_000L)).isEqualTo(delayMicros);
    assertThat(origin.latencyMicros(LAST, lastDue + delayMicros * 1_000L)).isEqualTo(delayMicros);
  }

  @Test
  void rowsWithoutTimestampOrStampedBeforeTheFirstEventAreNotSampled() {
    LatencyOrigin origin = new LatencyOrigin(FIRST, LAST);
    assertThat(origin.latencyMicros(FIRST, 10 * MS)).as("no event observed yet").isEqualTo(-1);
    origin.observe(FIRST, 0);

    assertThat(origin.latencyMicros(null, 10 * MS)).isEqualTo(-1);
    assertThat(origin.latencyMicros(FIRST - 1, 10 * MS)).isEqualTo(-1);
    assertThat(origin.latencyMicros(Long.MIN_VALUE, 10 * MS)).isEqualTo(-1);
    assertThat(origin.latencyMicros(FIRST, 10 * MS)).isEqualTo(10_000);
  }

  @Test
  void aRowAheadOfItsDueTimeCountsAsNoDelay() {
    LatencyOrigin origin = new LatencyOrigin(FIRST, LAST);
    origin.observe(FIRST, 0);

    // within the millisecond resolution of event time
    assertThat(origin.latencyMicros(FIRST + 3, 2_500_000)).isZero();
  }

  @Test
  void theLastEventTimeIsTheGeneratorsTimeOfTheLastEvent() {
    NexmarkConfiguration c = NexmarkConfiguration.builder().events(1_000).eventsPerSecond(400).build();

    LatencyOrigin origin = LatencyOrigin.of(c);

    assertThat(origin.lastEventTime()).isEqualTo(new NexmarkGenerator(c).eventAt(999).dateTime())
        .isEqualTo(c.firstEventTime() + 2_497);
    assertThat(LatencyOrigin.of(NexmarkConfiguration.builder().unbounded().build()).lastEventTime())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aRunsOriginIsSharedByIdUntilClosed() {
    String run = UUID.randomUUID().toString();
    NexmarkConfiguration c = NexmarkConfiguration.builder().events(10).build();
    LatencyOrigin opened = LatencyOrigin.open(run, c);
    try {
      assertThat(LatencyOrigin.forRun(run)).isSameAs(opened);
      assertThatThrownBy(() -> LatencyOrigin.open(run, c)).hasMessageContaining("already open");
    } finally {
      LatencyOrigin.close(run);
    }

    assertThatThrownBy(() -> LatencyOrigin.forRun(run)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(run);
  }
}
