package io.spate.runtime.metrics;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.reporter.MetricConfig;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.Scheduled;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reporter for tests that records every notification and counts its reports. Each instance is
 * kept under its {@code id} option so that a test finds the one its registry started. Options
 * {@code fail-open}, {@code fail-notify} and {@code fail-report} make the matching call throw after
 * it recorded what it got.
 */
public final class RecordingReporter implements MetricReporter, Scheduled {

  private static final Map<String, RecordingReporter> BY_ID = new ConcurrentHashMap<>();

  /** One notification: the metric, its name, its full identifier and its group's variables. */
  public record Seen(Metric metric, String name, String identifier, Map<String, String> variables) {}

  public final List<Seen> added = new CopyOnWriteArrayList<>();
  public final List<Seen> removed = new CopyOnWriteArrayList<>();
  public final AtomicInteger reports = new AtomicInteger();
  public volatile MetricConfig config;
  public volatile boolean closed;

  /** The reporter opened with option {@code id}, or null. */
  public static RecordingReporter withId(String id) {
    return BY_ID.get(id);
  }

  @Override
  public void open(MetricConfig config) {
    this.config = config;
    String id = config.getString("id", null);
    if (id != null) {
      BY_ID.put(id, this);
    }
    if (config.getBoolean("fail-open", false)) {
      throw new IllegalStateException("this reporter was told to fail in open()");
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    added.add(new Seen(metric, metricName, group.getMetricIdentifier(metricName), group.getAllVariables()));
    if (config.getBoolean("fail-notify", false)) {
      throw new IllegalStateException("this reporter was told to fail on notifications");
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    removed.add(new Seen(metric, metricName, group.getMetricIdentifier(metricName), group.getAllVariables()));
  }

  @Override
  public void report() {
    reports.incrementAndGet();
    if (config.getBoolean("fail-report", false)) {
      throw new IllegalStateException("this reporter was told to fail in report()");
    }
  }

  /** The identifiers of the metrics added and not removed. */
  public List<String> live() {
    List<String> gone = removed.stream().map(Seen::identifier).toList();
    return added.stream().map(Seen::identifier).filter(id -> !gone.contains(id)).toList();
  }

  /** The sum of the counters named {@code name} whose group has variable {@code variable} = {@code value}. */
  public long sumOfCounters(String name, String variable, String value) {
    return added.stream()
        .filter(s -> s.name().equals(name) && value.equals(s.variables().get(variable)) && s.metric() instanceof Counter)
        .mapToLong(s -> ((Counter) s.metric()).getCount())
        .sum();
  }

  /** The sum of the task-scope counters named {@code name}, over every subtask this reporter saw. */
  public long sumOfTaskCounters(String name) {
    return added.stream()
        .filter(s -> s.name().equals(name) && s.variables().containsKey("<task_attempt_id>")
            && !s.variables().containsKey("<operator_id>") && s.metric() instanceof Counter)
        .mapToLong(s -> ((Counter) s.metric()).getCount())
        .sum();
  }
}
