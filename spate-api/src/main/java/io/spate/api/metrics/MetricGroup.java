package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A named scope of metrics (job, task, operator) in which user code registers its own. */
@Public
public interface MetricGroup {

  /** Returns the counter {@code name} of this group, creating it on first use. */
  Counter counter(String name);

  /** Registers {@code gauge} under {@code name}, replacing an earlier one; returns it. */
  <T, G extends Gauge<T>> G gauge(String name, G gauge);

  /** A child group. */
  MetricGroup addGroup(String name);

  /** The scope of this group, outermost first, such as {@code [job, task, operator]}. */
  java.util.List<String> getScopeComponents();
}
