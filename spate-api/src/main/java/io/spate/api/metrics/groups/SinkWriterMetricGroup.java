package io.spate.api.metrics.groups;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;

/**
 * The metric group of a sink writer (its operator's group), with the standard sink metrics of
 * FLIP-33 that the writer counts: what it sent to the external system, what failed, and how long the
 * last send took.
 */
@PublicEvolving
public interface SinkWriterMetricGroup extends MetricGroup {

  /** The counter {@code numRecordsOutErrors}; the same counter as {@link #getNumRecordsSendErrorsCounter()}. */
  Counter getNumRecordsOutErrorsCounter();

  /** The counter {@code numRecordsSendErrors}: records the writer could not send. */
  Counter getNumRecordsSendErrorsCounter();

  /** The counter {@code numRecordsSend}: records the writer sent to the external system. */
  Counter getNumRecordsSendCounter();

  /** The counter {@code numBytesSend}: bytes the writer sent to the external system. */
  Counter getNumBytesSendCounter();

  /** Registers {@code currentSendTimeGauge} as {@code currentSendTime}: milliseconds the last send took. */
  void setCurrentSendTimeGauge(Gauge<Long> currentSendTimeGauge);
}
