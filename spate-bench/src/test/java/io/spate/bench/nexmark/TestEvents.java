package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import io.spate.connectors.nexmark.NexmarkSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Nexmark stream for tests from the real generator, slowed to 100 events per second of
 * event time so that 6000 events span a minute and many windows, with up to 300 ms of disorder (the
 * watermark bound, so that none is late). The generator lets bids name auctions about to be created
 * and auctions name sellers about to register, so some arrive before what they refer to. The stream
 * starts just before a UTC midnight so that day-based queries see two days.
 */
final class TestEvents {

  static final int COUNT = 6_000;
  static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(300);
  static final long START = Instant.parse("2026-03-01T23:59:20Z").toEpochMilli();
  static final NexmarkConfiguration CONFIGURATION = NexmarkConfiguration.builder()
      .seed(5)
      .events(COUNT)
      .eventsPerSecond(100)
      .firstEventTime(START)
      .outOfOrderness(OUT_OF_ORDERNESS)
      .build();

  private TestEvents() {}

  /** All events, in the order of their numbers. */
  static List<Event> all() {
    List<Event> events = new ArrayList<>(COUNT);
    new NexmarkGenerator(CONFIGURATION).iterator(0, COUNT).forEachRemaining(events::add);
    return events;
  }

  /** The events from a parallel {@link NexmarkSource}, with Nexmark's watermarks. */
  static DataStream<Event> stream(StreamExecutionEnvironment env) {
    return env.fromSource(new NexmarkSource(CONFIGURATION),
        NexmarkWatermarks.boundedOutOfOrderness(OUT_OF_ORDERNESS), "Nexmark test events");
  }
}
