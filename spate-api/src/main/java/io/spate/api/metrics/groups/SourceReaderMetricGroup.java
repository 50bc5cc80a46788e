package io.spate.api.metrics.groups;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;

/**
 * The metric group of a source reader (its operator's group), with the standard source metrics of
 * FLIP-33 that only the reader can know: records it could not read, and what waits to be read.
 */
@PublicEvolving
public interface SourceReaderMetricGroup extends MetricGroup {

  /** The counter {@code numRecordsInErrors}: records the reader failed to read or parse and skipped. */
  Counter getNumRecordsInErrorsCounter();

  /** Registers {@code pendingRecordsGauge} as {@code pendingRecords}: records not yet fetched, such as a Kafka lag. */
  void setPendingRecordsGauge(Gauge<Long> pendingRecordsGauge);

  /** Registers {@code pendingBytesGauge} as {@code pendingBytes}: bytes not yet fetched. */
  void setPendingBytesGauge(Gauge<Long> pendingBytesGauge);
}
