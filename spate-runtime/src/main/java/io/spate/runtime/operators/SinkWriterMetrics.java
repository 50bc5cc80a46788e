package io.spate.runtime.operators;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.metrics.ThreadSafeSimpleCounter;
import io.spate.api.metrics.groups.SinkWriterMetricGroup;
import io.spate.runtime.metrics.groups.ForwardingMetricGroup;

/**
 * A sink writer's metric group: its operator's group with the sink metrics of FLIP-33, which the
 * writer counts: {@code numRecordsSend}, {@code numBytesSend}, {@code numRecordsSendErrors} (also
 * registered as {@code numRecordsOutErrors}, as in Flink) and {@code currentSendTime}, if the writer
 * sets it. The error counter is safe to count from a client's callback thread.
 */
final class SinkWriterMetrics extends ForwardingMetricGroup implements SinkWriterMetricGroup {

  private final Counter numRecordsSend = new SimpleCounter();
  private final Counter numBytesSend = new SimpleCounter();
  private final Counter numRecordsSendErrors = new ThreadSafeSimpleCounter();

  /** Registers the counters in {@code operatorGroup}. */
  SinkWriterMetrics(MetricGroup operatorGroup) {
    super(operatorGroup);
    counter("numRecordsSend", numRecordsSend);
    counter("numBytesSend", numBytesSend);
    counter("numRecordsSendErrors", numRecordsSendErrors);
    counter("numRecordsOutErrors", numRecordsSendErrors);
  }

  @Override
  public Counter getNumRecordsOutErrorsCounter() {
    return numRecordsSendErrors;
  }

  @Override
  public Counter getNumRecordsSendErrorsCounter() {
    return numRecordsSendErrors;
  }

  @Override
  public Counter getNumRecordsSendCounter() {
    return numRecordsSend;
  }

  @Override
  public Counter getNumBytesSendCounter() {
    return numBytesSend;
  }

  @Override
  public void setCurrentSendTimeGauge(Gauge<Long> currentSendTimeGauge) {
    gauge("currentSendTime", currentSendTimeGauge);
  }
}
