package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.run.LatencyOrigin;
import io.spate.connectors.nexmark.Event;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * The identity map chained right after Flink's Nexmark source in latency mode: it reports every
 * event's time and emission to its run's {@link LatencyOrigin}, as Spate's runner does.
 */
final class FlinkWallClockOrigin extends RichMapFunction<Event, Event> {

  private final String runId;
  private transient LatencyOrigin origin;

  FlinkWallClockOrigin(String runId) {
    this.runId = runId;
  }

  @Override
  public void open(OpenContext openContext) {
    origin = LatencyOrigin.forRun(runId);
  }

  @Override
  public Event map(Event event) {
    origin.observe(event.dateTime(), System.nanoTime());
    return event;
  }
}
