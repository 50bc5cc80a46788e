package io.spate.runtime.source;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import io.spate.runtime.metrics.groups.ForwardingMetricGroup;
import java.util.function.LongSupplier;

/**
 * A source reader's metric group: its operator's group with the source metrics of FLIP-33. The
 * reader counts {@code numRecordsInErrors} and may set {@code pendingRecords} and {@code
 * pendingBytes}; the runtime adds {@code currentEmitEventTimeLag} (ms from the event time of the last
 * record emitted to now; -1 before a record with a timestamp), {@code watermarkLag} (ms from the
 * source's current watermark to now; -1 before the first) and {@code sourceIdleTime} (ms since the
 * source last emitted a record). Everything per record is done by the task's thread; the lags are
 * computed when a reporter reads them.
 */
final class SourceReaderMetrics extends ForwardingMetricGroup implements SourceReaderMetricGroup {

  /** The value of a lag that is not known yet, as in Flink. */
  static final long UNDEFINED = -1;

  private final Counter numRecordsInErrors = new SimpleCounter();
  private final LongSupplier clockMillis;
  private final LongSupplier recordsEmitted;
  // sourceIdleTime is derived by its readers: the count of records seen at the last reading, and when it last moved.
  private long seenRecords;
  private long lastActiveMillis;

  /**
   * Registers the metrics in {@code operatorGroup}; {@code lastTimestamp}, {@code watermark} and {@code
   * recordsEmitted} read the source output's state, {@code clockMillis} the task's processing time.
   */
  SourceReaderMetrics(MetricGroup operatorGroup, LongSupplier clockMillis, LongSupplier lastTimestamp,
      LongSupplier watermark, LongSupplier recordsEmitted) {
    super(operatorGroup);
    this.clockMillis = clockMillis;
    this.recordsEmitted = recordsEmitted;
    this.lastActiveMillis = clockMillis.getAsLong();
    counter("numRecordsInErrors", numRecordsInErrors);
    gauge("currentEmitEventTimeLag", (Gauge<Long>) () -> lag(lastTimestamp.getAsLong()));
    gauge("watermarkLag", (Gauge<Long>) () -> lag(watermark.getAsLong()));
    gauge("sourceIdleTime", (Gauge<Long>) this::sourceIdleTime);
  }

  private long lag(long eventTime) {
    return eventTime == Long.MIN_VALUE || eventTime == Long.MAX_VALUE ? UNDEFINED
        : Math.max(0, clockMillis.getAsLong() - eventTime);
  }

  private synchronized long sourceIdleTime() {
    long now = clockMillis.getAsLong();
    long records = recordsEmitted.getAsLong();
    if (records != seenRecords) {
      seenRecords = records;
      lastActiveMillis = now;
    }
    return Math.max(0, now - lastActiveMillis);
  }

  @Override
  public Counter getNumRecordsInErrorsCounter() {
    return numRecordsInErrors;
  }

  @Override
  public void setPendingRecordsGauge(Gauge<Long> pendingRecordsGauge) {
    gauge("pendingRecords", pendingRecordsGauge);
  }

  @Override
  public void setPendingBytesGauge(Gauge<Long> pendingBytesGauge) {
    gauge("pendingBytes", pendingBytesGauge);
  }
}
