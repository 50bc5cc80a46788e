package io.spate.api.metrics;

/** A metric that measures how often an event happens: a rate per second and the total count. */
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
