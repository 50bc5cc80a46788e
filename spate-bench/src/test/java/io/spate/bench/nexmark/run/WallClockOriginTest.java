package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WallClockOriginTest {

  private static final long FIRST = 1_000_000;
  private static final long MS = 1_000_000L;

  @Test
  void theOriginIsTheEarliestScheduleAndLatencyCountsFromADueTime() {
    WallClockOrigin.Origin origin = new WallClockOrigin.Origin(FIRST);
    origin.observe(FIRST, 500 * MS);          // event 0 emitted 500 ms after some clock zero
    origin.observe(FIRST + 10, 520 * MS);     // 10 ms of event time later, 10 ms behind schedule
    origin.observe(FIRST + 20, 520 * MS);     // on schedule: pulls nothing earlier than 500

    assertThat(origin.latencyMicros(FIRST + 10, 513 * MS)).isEqualTo(3_000);
    assertThat(origin.latencyMicros(FIRST, 500 * MS)).isZero();
  }

  @Test
  void aRowArrivingBeforeItsTimeWasDueHasNoLatency() {
    WallClockOrigin.Origin origin = new WallClockOrigin.Origin(FIRST);
    origin.observe(FIRST, 0);

    // a window ending 10 s after the last event, fired by the end of input after 2 s
    assertThat(origin.latencyMicros(FIRST + 10_000, 2_000 * MS)).isEqualTo(-1);
    // within the millisecond resolution of event time it counts as no delay
    assertThat(origin.latencyMicros(FIRST + 3, 2_500_000)).isZero();
  }

  @Test
  void samplesGivePercentilesByNearestRank() {
    LatencySamples samples = new LatencySamples(1000);
    for (long i = 1; i <= 1000; i++) {
      samples.add(i);
    }

    assertThat(LatencySamples.percentiles(java.util.List.of(samples)))
        .isEqualTo(new RunResult.Latency(500, 990, 999));
  }

  @Test
  void aFullSampleKeepsItsCapacity() {
    LatencySamples samples = new LatencySamples(10);
    for (long i = 0; i < 10_000; i++) {
      samples.add(i);
    }

    assertThat(samples.seen()).isEqualTo(10_000);
    RunResult.Latency l = LatencySamples.percentiles(java.util.List.of(samples));
    assertThat(l.p50Micros()).isBetween(0L, 9_999L);
    assertThat(LatencySamples.percentiles(java.util.List.of(new LatencySamples(4)))).isNull();
  }
}
