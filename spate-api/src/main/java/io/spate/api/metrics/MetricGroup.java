package io.spate.api.metrics;

import io.spate.api.annotation.Public;
import java.util.List;
import java.util.Map;

/**
 * A named scope of metrics (job manager, task manager, job, task, operator, or a group user code
 * adds) in which the runtime and user code register metrics. A metric registered here is reported
 * under the group's scope until the group closes (its task ends). A name may be registered once per
 * group: registering it again logs a warning and the second metric is not reported.
 */
@Public
public interface MetricGroup {

  /** Registers a new {@link SimpleCounter} under {@code name} and returns it. */
  Counter counter(String name);

  /** Registers {@code counter} under {@code name} and returns it. */
  <C extends Counter> C counter(String name, C counter);

  /** Registers {@code gauge} under {@code name} and returns it. */
  <T, G extends Gauge<T>> G gauge(String name, G gauge);

  /** Registers {@code histogram} under {@code name} and returns it. */
  <H extends Histogram> H histogram(String name, H histogram);

  /** Registers {@code meter} under {@code name} and returns it. */
  <M extends Meter> M meter(String name, M meter);

  /** The child group {@code name}, created on first use. */
  MetricGroup addGroup(String name);

  /**
   * The child group {@code key} and its child {@code value}, created on first use; the metrics below
   * carry the variable {@code <key>} with the value {@code value}.
   */
  MetricGroup addGroup(String key, String value);

  /** The scope of this group, outermost first, such as {@code [host, taskmanager, tm-1, job, task, 0]}. */
  List<String> getScopeComponents();

  /** The variables of this group and its parents, such as {@code <job_name> -> "word count"}. */
  Map<String, String> getAllVariables();

  /** The full identifier of metric {@code metricName} of this group: its scope and the name, delimited. */
  String getMetricIdentifier(String metricName);

  /** Like {@link #getMetricIdentifier(String)}, with every part of the identifier passed through {@code filter}. */
  String getMetricIdentifier(String metricName, CharacterFilter filter);
}
