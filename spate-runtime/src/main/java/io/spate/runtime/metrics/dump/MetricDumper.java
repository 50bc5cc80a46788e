package io.spate.runtime.metrics.dump;

import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.HistogramStatistics;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.Metric;
import io.spate.runtime.metrics.ScopeFormat;
import io.spate.runtime.metrics.groups.AbstractMetricGroup;
import io.spate.runtime.metrics.groups.JobManagerJobMetricGroup;
import io.spate.runtime.metrics.groups.JobManagerMetricGroup;
import io.spate.runtime.metrics.groups.OperatorMetricGroup;
import io.spate.runtime.metrics.groups.TaskManagerJobMetricGroup;
import io.spate.runtime.metrics.groups.TaskManagerMetricGroup;
import io.spate.runtime.metrics.groups.TaskMetricGroup;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a {@link MetricDump} of a metric group and every group below it: reads each counter, gauge,
 * meter and histogram once. Safe to call from any thread; a gauge that throws is left out.
 */
public final class MetricDumper {

  private static final Logger LOG = LoggerFactory.getLogger(MetricDumper.class);

  private MetricDumper() {}

  /** The metrics of {@code root} and of the groups below it. */
  public static MetricDump dump(AbstractMetricGroup root) {
    List<MetricDump.Entry> entries = new ArrayList<>();
    collect(root, null, "", entries);
    return new MetricDump(entries);
  }

  /**
   * Adds the metrics of {@code group}; {@code inherited} is the scope of the nearest scope group
   * above a group that user code added, {@code prefix} the names of the added groups on the way.
   */
  private static void collect(AbstractMetricGroup group, MetricDump.Scope inherited, String prefix,
      List<MetricDump.Entry> entries) {
    MetricDump.Scope own = scopeOf(group);
    MetricDump.Scope scope;
    String path;
    if (own != null) {
      scope = own;
      path = "";
    } else {
      scope = inherited == null ? MetricDump.Scope.JOB_MANAGER : inherited;
      List<String> components = group.getScopeComponents();
      String name = components.isEmpty() ? "" : filter(components.get(components.size() - 1));
      path = prefix.isEmpty() ? name : prefix + "." + name;
    }
    Map<String, String> variables = group.getAllVariables();
    for (Map.Entry<String, Metric> metric : group.metrics().entrySet()) {
      String name = path.isEmpty() ? metric.getKey() : path + "." + metric.getKey();
      add(entries, scope, variables, name, metric.getValue());
    }
    for (AbstractMetricGroup child : group.childGroups()) {
      collect(child, scope, path, entries);
    }
  }

  private static MetricDump.Scope scopeOf(AbstractMetricGroup group) {
    if (group instanceof JobManagerMetricGroup) {
      return MetricDump.Scope.JOB_MANAGER;
    }
    if (group instanceof TaskManagerMetricGroup) {
      return MetricDump.Scope.TASK_MANAGER;
    }
    if (group instanceof JobManagerJobMetricGroup || group instanceof TaskManagerJobMetricGroup) {
      return MetricDump.Scope.JOB;
    }
    if (group instanceof TaskMetricGroup) {
      return MetricDump.Scope.TASK;
    }
    if (group instanceof OperatorMetricGroup) {
      return MetricDump.Scope.OPERATOR;
    }
    return null;
  }

  private static void add(List<MetricDump.Entry> entries, MetricDump.Scope scope, Map<String, String> variables,
      String name, Metric metric) {
    if (metric instanceof Histogram histogram) {
      HistogramStatistics stats;
      try {
        stats = histogram.getStatistics();
      } catch (RuntimeException e) {
        LOG.debug("Histogram {} could not be read: {}", name, e.toString());
        return;
      }
      entries.add(entry(scope, variables, name + "_min", stats.getMin()));
      entries.add(entry(scope, variables, name + "_max", stats.getMax()));
      entries.add(entry(scope, variables, name + "_mean", stats.getMean()));
      entries.add(entry(scope, variables, name + "_median", stats.getQuantile(0.5)));
      entries.add(entry(scope, variables, name + "_stddev", stats.getStdDev()));
      entries.add(entry(scope, variables, name + "_p75", stats.getQuantile(0.75)));
      entries.add(entry(scope, variables, name + "_p90", stats.getQuantile(0.90)));
      entries.add(entry(scope, variables, name + "_p95", stats.getQuantile(0.95)));
      entries.add(entry(scope, variables, name + "_p98", stats.getQuantile(0.98)));
      entries.add(entry(scope, variables, name + "_p99", stats.getQuantile(0.99)));
      entries.add(entry(scope, variables, name + "_p999", stats.getQuantile(0.999)));
      return;
    }
    Serializable value;
    try {
      value = valueOf(metric);
    } catch (RuntimeException e) {
      LOG.debug("Metric {} could not be read: {}", name, e.toString());
      return;
    }
    if (value != null) {
      entries.add(entry(scope, variables, name, value));
    }
  }

  private static Serializable valueOf(Metric metric) {
    if (metric instanceof Counter counter) {
      return counter.getCount();
    }
    if (metric instanceof Meter meter) {
      return meter.getRate();
    }
    if (metric instanceof Gauge<?> gauge) {
      Object value = gauge.getValue();
      if (value == null) {
        return null;
      }
      if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        return ((Number) value).longValue();
      }
      if (value instanceof Number number) {
        return number.doubleValue();
      }
      return value.toString();
    }
    return null;
  }

  private static MetricDump.Entry entry(MetricDump.Scope scope, Map<String, String> variables, String name,
      Serializable value) {
    boolean inJob = scope == MetricDump.Scope.JOB || scope == MetricDump.Scope.TASK
        || scope == MetricDump.Scope.OPERATOR;
    boolean inTask = scope == MetricDump.Scope.TASK || scope == MetricDump.Scope.OPERATOR;
    String subtask = variables.get(ScopeFormat.SUBTASK_INDEX);
    return new MetricDump.Entry(scope,
        inJob ? variables.get(ScopeFormat.JOB_ID) : null,
        inTask ? variables.get(ScopeFormat.TASK_ID) : null,
        inTask && subtask != null ? Integer.parseInt(subtask) : -1,
        scope == MetricDump.Scope.OPERATOR ? filter(variables.get(ScopeFormat.OPERATOR_NAME)) : null,
        name, value);
  }

  /** A name as metric ids hold it: blanks, dots, colons and commas replaced by '_', as in Flink. */
  public static String filter(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      sb.append(c == ' ' || c == '.' || c == ':' || c == ',' ? '_' : c);
    }
    return sb.toString();
  }
}
