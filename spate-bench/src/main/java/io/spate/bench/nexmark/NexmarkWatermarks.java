package io.spate.bench.nexmark;

import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;

/** The watermark strategy every Nexmark job uses: event time from {@link Event#dateTime()}. */
public final class NexmarkWatermarks {

  private NexmarkWatermarks() {}

  /** Watermarks that trail the largest event time seen by {@code outOfOrderness}, the generator's bound. */
  public static WatermarkStrategy<Event> boundedOutOfOrderness(Duration outOfOrderness) {
    return WatermarkStrategy.<Event>forBoundedOutOfOrderness(outOfOrderness)
        .withTimestampAssigner((event, previous) -> event.dateTime());
  }
}
