package io.spate.connectors.kafka.metrics;

import io.spate.api.metrics.CharacterFilter;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.metrics.groups.SinkWriterMetricGroup;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metric group that keeps every metric registered on it or on its subgroups under its dotted
 * path ({@code KafkaSourceReader.topic.t.partition.0.currentOffset}), for tests to read back. A
 * name registered twice fails, so that a test sees double registration. It serves as a source
 * reader's and a sink writer's group alike; their standard counters are registered when first asked for.
 */
public final class RecordingMetricGroup implements SourceReaderMetricGroup, SinkWriterMetricGroup {

  private final Map<String, Metric> metrics;
  private final String prefix;

  /** An empty root group. */
  public RecordingMetricGroup() {
    this(new ConcurrentHashMap<>(), "");
  }

  private RecordingMetricGroup(Map<String, Metric> metrics, String prefix) {
    this.metrics = metrics;
    this.prefix = prefix;
  }

  /** The value of gauge {@code path}, or null if none is registered there. */
  public Object gaugeValue(String path) {
    return metrics.get(path) instanceof Gauge<?> gauge ? gauge.getValue() : null;
  }

  /** The count of counter {@code path}, or -1 if none is registered there. */
  public long count(String path) {
    return metrics.get(path) instanceof Counter counter ? counter.getCount() : -1;
  }

  /** The paths of every metric registered, sorted. */
  public Set<String> paths() {
    return new TreeSet<>(metrics.keySet());
  }

  private Counter standardCounter(String name) {
    return metrics.get(prefix + name) instanceof Counter existing ? existing : counter(name);
  }

  @Override
  public Counter getNumRecordsInErrorsCounter() {
    return standardCounter("numRecordsInErrors");
  }

  @Override
  public void setPendingRecordsGauge(Gauge<Long> pendingRecordsGauge) {
    gauge("pendingRecords", pendingRecordsGauge);
  }

  @Override
  public void setPendingBytesGauge(Gauge<Long> pendingBytesGauge) {
    gauge("pendingBytes", pendingBytesGauge);
  }

  @Override
  public Counter getNumRecordsOutErrorsCounter() {
    return getNumRecordsSendErrorsCounter();
  }

  @Override
  public Counter getNumRecordsSendErrorsCounter() {
    return standardCounter("numRecordsSendErrors");
  }

  @Override
  public Counter getNumRecordsSendCounter() {
    return standardCounter("numRecordsSend");
  }

  @Override
  public Counter getNumBytesSendCounter() {
    return standardCounter("numBytesSend");
  }

  @Override
  public void setCurrentSendTimeGauge(Gauge<Long> currentSendTimeGauge) {
    gauge("currentSendTime", currentSendTimeGauge);
  }

  private <M extends Metric> M register(String name, M metric) {
    if (metrics.putIfAbsent(prefix + name, metric) != null) {
      throw new IllegalStateException("metric " + prefix + name + " registered twice");
    }
    return metric;
  }

  @Override
  public Counter counter(String name) {
    return register(name, new SimpleCounter());
  }

  @Override
  public <C extends Counter> C counter(String name, C counter) {
    return register(name, counter);
  }

  @Override
  public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
    return register(name, gauge);
  }

  @Override
  public <H extends Histogram> H histogram(String name, H histogram) {
    return register(name, histogram);
  }

  @Override
  public <M extends Meter> M meter(String name, M meter) {
    return register(name, meter);
  }

  @Override
  public MetricGroup addGroup(String name) {
    return new RecordingMetricGroup(metrics, prefix + name + ".");
  }

  @Override
  public MetricGroup addGroup(String key, String value) {
    return new RecordingMetricGroup(metrics, prefix + key + "." + value + ".");
  }

  @Override
  public List<String> getScopeComponents() {
    return List.of(prefix.split("\\."));
  }

  @Override
  public Map<String, String> getAllVariables() {
    return Map.of();
  }

  @Override
  public String getMetricIdentifier(String metricName) {
    return prefix + metricName;
  }

  @Override
  public String getMetricIdentifier(String metricName, CharacterFilter filter) {
    return filter.filterCharacters(prefix + metricName);
  }
}
