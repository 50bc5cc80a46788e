package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A metric that measures how often an event happens: a rate per second and the total count. */
@Public
public interface Meter extends Metric {
  /** Marks one event. */
  void markEvent();

  /** Marks {@code n} events. */
  void markEvent(long n);

  /** Events per second over the meter's time window. */
  double getRate();

  /** Events marked since the meter was created. */
  long getCount();
}
