package io.spate.runtime.metrics;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A metric group of a job, task or operator: holds its counters, gauges and child groups. */
public final class TaskMetricGroup implements MetricGroup {

  private final List<String> scope;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Gauge<?>> gauges = new ConcurrentHashMap<>();
  private final Map<String, TaskMetricGroup> children = new ConcurrentHashMap<>();

  /** Creates a group with the given scope. */
  public TaskMetricGroup(List<String> scope) {
    this.scope = List.copyOf(scope);
  }

  @Override
  public Counter counter(String name) {
    return counters.computeIfAbsent(name, n -> new SimpleCounter());
  }

  @Override
  public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
    gauges.put(name, gauge);
    return gauge;
  }

  @Override
  public MetricGroup addGroup(String name) {
    return children.computeIfAbsent(name, n -> {
      List<String> childScope = new ArrayList<>(scope);
      childScope.add(n);
      return new TaskMetricGroup(childScope);
    });
  }

  @Override
  public List<String> getScopeComponents() {
    return Collections.unmodifiableList(scope);
  }

  /** The counters of this group and its children by dotted name. */
  public Map<String, Long> counterValues() {
    Map<String, Long> values = new java.util.TreeMap<>();
    counters.forEach((name, c) -> values.put(name, c.getCount()));
    children.forEach((child, group) ->
        group.counterValues().forEach((name, v) -> values.put(child + "." + name, v)));
    return values;
  }
}
