package io.spate.runtime.metrics.groups;

import io.spate.runtime.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A group that code adds below another with {@code addGroup}: its parent's scope plus its name. */
public final class GenericMetricGroup extends AbstractMetricGroup {

  private final String logicalName;

  GenericMetricGroup(MetricRegistry registry, AbstractMetricGroup parent, String name, Map<String, String> own) {
    super(registry, append(parent.getScopeComponents(), name), parent, own);
    // The value group of addGroup(key, value) is a label, not a part of the logical scope (as in Flink).
    this.logicalName = own.isEmpty() ? name : null;
  }

  @Override
  protected String logicalName() {
    return logicalName;
  }

  private static List<String> append(List<String> scope, String name) {
    List<String> all = new ArrayList<>(scope);
    all.add(name);
    return all;
  }
}
