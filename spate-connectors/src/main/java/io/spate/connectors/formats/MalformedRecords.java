package io.spate.connectors.formats;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.SimpleCounter;

/**
 * The counter of malformed records that a format skipped because it was told to ignore parse errors:
 * registered as {@value #METRIC_NAME} on the metric group of the operator that reads (a file source's
 * reader, or the operator that opens a deserialization schema).
 */
public final class MalformedRecords {

  /** The name of the counter on the reader's metric group. */
  public static final String METRIC_NAME = "numMalformedRecordsSkipped";

  private MalformedRecords() {}

  /** Registers the counter on {@code group}; an unregistered counter if the group is null. */
  public static Counter counterOn(MetricGroup group) {
    return group == null ? new SimpleCounter() : group.counter(METRIC_NAME);
  }

  /** A counter for a format used outside an operator (before {@code open}, in a test): reported nowhere. */
  public static Counter unregistered() {
    return new SimpleCounter();
  }
}
