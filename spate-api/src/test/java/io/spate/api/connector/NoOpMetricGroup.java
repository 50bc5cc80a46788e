package io.spate.api.connector;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.api.metrics.groups.SinkWriterMetricGroup;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;

/** A metric group that keeps counters but reports nothing, for connector tests: a reader's or a writer's. */
public final class NoOpMetricGroup extends UnregisteredMetricsGroup
    implements SourceReaderMetricGroup, SinkWriterMetricGroup {

  private final Counter numRecordsInErrors = new SimpleCounter();
  private final Counter numRecordsSendErrors = new SimpleCounter();
  private final Counter numRecordsSend = new SimpleCounter();
  private final Counter numBytesSend = new SimpleCounter();

  @Override
  public Counter getNumRecordsInErrorsCounter() {
    return numRecordsInErrors;
  }

  @Override
  public void setPendingRecordsGauge(Gauge<Long> pendingRecordsGauge) {}

  @Override
  public void setPendingBytesGauge(Gauge<Long> pendingBytesGauge) {}

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
  public void setCurrentSendTimeGauge(Gauge<Long> currentSendTimeGauge) {}
}
