package io.spate.api.metrics.groups;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.CharacterFilter;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.SimpleCounter;
import java.util.List;
import java.util.Map;

/**
 * A metric group that reports nothing: the metrics it is given work, but no reporter sees them.
 * For functions and operators run outside a cluster (tests, benchmarks).
 */
@PublicEvolving
public class UnregisteredMetricsGroup implements MetricGroup {

  @Override
  public Counter counter(String name) {
    return new SimpleCounter();
  }

  @Override
  public <C extends Counter> C counter(String name, C counter) {
    return counter;
  }

  @Override
  public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
    return gauge;
  }

  @Override
  public <H extends Histogram> H histogram(String name, H histogram) {
    return histogram;
  }

  @Override
  public <M extends Meter> M meter(String name, M meter) {
    return meter;
  }

  @Override
  public MetricGroup addGroup(String name) {
    return new UnregisteredMetricsGroup();
  }

  @Override
  public MetricGroup addGroup(String key, String value) {
    return new UnregisteredMetricsGroup();
  }

  @Override
  public List<String> getScopeComponents() {
    return List.of();
  }

  @Override
  public Map<String, String> getAllVariables() {
    return Map.of();
  }

  @Override
  public String getMetricIdentifier(String metricName) {
    return metricName;
  }

  @Override
  public String getMetricIdentifier(String metricName, CharacterFilter filter) {
    return filter.filterCharacters(metricName);
  }

  /** A source reader's group that reports nothing, for readers driven outside a cluster. */
  public static SourceReaderMetricGroup createSourceReaderMetricGroup() {
    return new UnregisteredSourceReaderMetricGroup();
  }

  /** A sink writer's group that reports nothing, for writers driven outside a cluster. */
  public static SinkWriterMetricGroup createSinkWriterMetricGroup() {
    return new UnregisteredSinkWriterMetricGroup();
  }

  private static final class UnregisteredSourceReaderMetricGroup extends UnregisteredMetricsGroup
      implements SourceReaderMetricGroup {
    private final Counter errors = new SimpleCounter();

    @Override
    public Counter getNumRecordsInErrorsCounter() {
      return errors;
    }

    @Override
    public void setPendingRecordsGauge(Gauge<Long> pendingRecordsGauge) {}

    @Override
    public void setPendingBytesGauge(Gauge<Long> pendingBytesGauge) {}
  }

  private static final class UnregisteredSinkWriterMetricGroup extends UnregisteredMetricsGroup
      implements SinkWriterMetricGroup {
    private final Counter errors = new SimpleCounter();
    private final Counter records = new SimpleCounter();
    private final Counter bytes = new SimpleCounter();

    @Override
    public Counter getNumRecordsOutErrorsCounter() {
      return errors;
    }

    @Override
    public Counter getNumRecordsSendErrorsCounter() {
      return errors;
    }

    @Override
    public Counter getNumRecordsSendCounter() {
      return records;
    }

    @Override
    public Counter getNumBytesSendCounter() {
      return bytes;
    }

    @Override
    public void setCurrentSendTimeGauge(Gauge<Long> currentSendTimeGauge) {}
  }
}
