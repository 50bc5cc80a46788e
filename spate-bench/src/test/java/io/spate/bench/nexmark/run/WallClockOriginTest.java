package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Spate's map after the source, and the latency samples of its sink. */
class WallClockOriginTest {

  @Test
  void theMapAfterTheSourceFeedsItsRunsOriginAndPassesEventsOn() {
    String run = UUID.randomUUID().toString();
    NexmarkConfiguration c = NexmarkConfiguration.builder().events(100).eventsPerSecond(1_000).build();
    LatencyOrigin origin = LatencyOrigin.open(run, c);
    try {
      Event event = new NexmarkGenerator(c).eventAt(42);
      long before = System.nanoTime();

      assertThat(new WallClockOrigin(run).map(event)).isSameAs(event);

      // event 42 is stamped 42 ms after the first, so the origin lies 42 ms before its emission
      assertThat(origin.originNanos()).isBetween(before - 42 * 1_000_000L, System.nanoTime() - 42 * 1_000_000L);
    } finally {
      LatencyOrigin.close(run);
    }
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
    // neither the first ten values kept (no replacement) nor the last ten (no sampling): drawn from all
    assertThat(l.p50Micros()).isBetween(10L, 9_989L);
    assertThat(LatencySamples.percentiles(java.util.List.of(new LatencySamples(4)))).isNull();
  }
}
