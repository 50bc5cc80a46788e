package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;

/**
 * A metric that is recomputed periodically rather than on every event, such as {@link MeterView}:
 * the metric registry calls {@link #update()} every {@link #UPDATE_INTERVAL_SECONDS} seconds from
 * its own thread.
 */
@PublicEvolving
public interface View {

  /** Seconds between two calls of {@link #update()}. */
  int UPDATE_INTERVAL_SECONDS = 5;

  /** Takes a new sample; called by the registry's thread. */
  void update();
}
