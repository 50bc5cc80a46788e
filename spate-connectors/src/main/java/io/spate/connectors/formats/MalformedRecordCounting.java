package io.spate.connectors.formats;

import io.spate.api.metrics.Counter;

/**
 * A format's reader that can skip malformed records: the file source gives it the counter to add
 * each skipped record to ({@link MalformedRecords#METRIC_NAME} on the source reader's metric group)
 * right after creating it, before the first read.
 */
public interface MalformedRecordCounting {

  /** The counter to increment for each malformed record this reader skips. */
  void setMalformedRecordsCounter(Counter counter);
}
