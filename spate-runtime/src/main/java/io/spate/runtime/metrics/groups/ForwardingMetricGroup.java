package io.spate.runtime.metrics.groups;

import io.spate.api.metrics.CharacterFilter;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.MetricGroup;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A metric group that registers everything in another one: the base of the connector groups
 * (a source reader's, a sink writer's), which add their standard metrics to their operator's group.
 */
public abstract class ForwardingMetricGroup implements MetricGroup {

  private final MetricGroup delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingMetricGroup(MetricGroup delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Counter counter(String name) {
    return delegate.counter(name);
  }

  @Override
  public <C extends Counter> C counter(String name, C counter) {
    return delegate.counter(name, counter);
  }

  @Override
  public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
    return delegate.gauge(name, gauge);
  }

  @Override
  public <H extends Histogram> H histogram(String name, H histogram) {
    return delegate.histogram(name, histogram);
  }

  @Override
  public <M extends Meter> M meter(String name, M meter) {
    return delegate.meter(name, meter);
  }

  @Override
  public MetricGroup addGroup(String name) {
    return delegate.addGroup(name);
  }

  @Override
  public MetricGroup addGroup(String key, String value) {
    return delegate.addGroup(key, value);
  }

  @Override
  public List<String> getScopeComponents() {
    return delegate.getScopeComponents();
  }

  @Override
  public Map<String, String> getAllVariables() {
    return delegate.getAllVariables();
  }

  @Override
  public String getMetricIdentifier(String metricName) {
    return delegate.getMetricIdentifier(metricName);
  }

  @Override
  public String getMetricIdentifier(String metricName, CharacterFilter filter) {
    return delegate.getMetricIdentifier(metricName, filter);
  }
}
