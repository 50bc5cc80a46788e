package io.spate.connectors.formats;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A metric group that keeps the counters registered on it, for tests to read. */
public final class CountingMetricGroup extends UnregisteredMetricsGroup implements SourceReaderMetricGroup {

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  @Override
  public Counter counter(String name) {
    return counter(name, new SimpleCounter());
  }

  @Override
  public <C extends Counter> C counter(String name, C counter) {
    if (counters.putIfAbsent(name, counter) != null) {
      throw new IllegalStateException("the counter " + name + " is registered twice");
    }
    return counter;
  }

  /** The count of counter {@code name}; -1 if none was registered. */
  public long count(String name) {
    Counter counter = counters.get(name);
    return counter == null ? -1 : counter.getCount();
  }

  @Override
  public Counter getNumRecordsInErrorsCounter() {
    return counters.computeIfAbsent("numRecordsInErrors", name -> new SimpleCounter());
  }

  @Override
  public void setPendingRecordsGauge(Gauge<Long> pendingRecordsGauge) {}

  @Override
  public void setPendingBytesGauge(Gauge<Long> pendingBytesGauge) {}

  /** The count of the malformed records skipped. */
  public long malformedRecords() {
    return count(MalformedRecords.METRIC_NAME);
  }
}
