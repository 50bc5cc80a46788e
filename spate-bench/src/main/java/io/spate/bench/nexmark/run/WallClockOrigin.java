package io.spate.bench.nexmark.run;

import io.spate.api.functions.MapFunction;
import io.spate.connectors.nexmark.Event;

/**
 * The identity map chained right after Spate's Nexmark source in latency mode: it reports every
 * event's time and emission to its run's {@link LatencyOrigin}, which defines the latency.
 */
final class WallClockOrigin implements MapFunction<Event, Event> {

  private static final long serialVersionUID = 1L;

  private final String runId;
  private transient LatencyOrigin origin;

  WallClockOrigin(String runId) {
    this.runId = runId;
  }

  @Override
  public Event map(Event event) {
    if (origin == null) {
      origin = LatencyOrigin.forRun(runId);
    }
    origin.observe(event.dateTime(), System.nanoTime());
    return event;
  }
}
