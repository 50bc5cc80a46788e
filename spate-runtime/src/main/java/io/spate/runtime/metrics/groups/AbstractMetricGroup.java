package io.spate.runtime.metrics.groups;

import io.spate.api.metrics.CharacterFilter;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.Histogram;
import io.spate.api.metrics.LogicalScopeProvider;
import io.spate.api.metrics.Meter;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.SimpleCounter;
import io.spate.runtime.metrics.MetricRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A metric group registered in a {@link MetricRegistry}: holds its metrics and child groups, and
 * when it closes, closes its children and unregisters its metrics, so that nothing of a finished
 * task stays reported. Registration and closing lock the group; reading a metric does not.
 */
public abstract class AbstractMetricGroup implements MetricGroup, LogicalScopeProvider {

  private static final Logger LOG = LoggerFactory.getLogger(AbstractMetricGroup.class);

  protected final MetricRegistry registry;
  private final List<String> scope;
  private final Map<String, String> variables;
  private final AbstractMetricGroup parent;
  private final Map<String, Metric> metrics = new LinkedHashMap<>();
  private final Map<String, AbstractMetricGroup> groups = new HashMap<>();
  private boolean closed;

  /**
   * A group with scope {@code scope} whose variables are {@code parent}'s (if any) and {@code own}.
   */
  protected AbstractMetricGroup(MetricRegistry registry, List<String> scope, AbstractMetricGroup parent,
      Map<String, String> own) {
    this.registry = registry;
    this.scope = List.copyOf(scope);
    this.parent = parent;
    Map<String, String> all = new LinkedHashMap<>();
    if (parent != null) {
      all.putAll(parent.variables);
    }
    all.putAll(own);
    this.variables = Map.copyOf(all);
  }

  @Override
  public Counter counter(String name) {
    return counter(name, new SimpleCounter());
  }

  @Override
  public <C extends Counter> C counter(String name, C counter) {
    addMetric(name, counter);
    return counter;
  }

  @Override
  public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
    addMetric(name, gauge);
    return gauge;
  }

  @Override
  public <H extends Histogram> H histogram(String name, H histogram) {
    addMetric(name, histogram);
    return histogram;
  }

  @Override
  public <M extends Meter> M meter(String name, M meter) {
    addMetric(name, meter);
    return meter;
  }

  /**
   * Registers {@code metric} as {@code name} unless the group is closed or already has a metric of
   * that name; the second one of a name is logged and left unreported, never put in the place of the
   * first.
   */
  protected void addMetric(String name, Metric metric) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A metric needs a name; got '" + name + "' in group "
          + String.join(String.valueOf(registry.getDelimiter()), scope));
    }
    if (metric == null) {
      throw new IllegalArgumentException("Metric '" + getMetricIdentifier(name) + "' is null");
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      if (metrics.containsKey(name)) {
        LOG.warn("Metric '{}' is registered already; the second metric of that name is not reported",
            getMetricIdentifier(name));
        return;
      }
      metrics.put(name, metric);
      registry.register(metric, name, this);
    }
  }

  @Override
  public MetricGroup addGroup(String name) {
    return child(name, Map.of());
  }

  @Override
  public MetricGroup addGroup(String key, String value) {
    return ((AbstractMetricGroup) addGroup(key)).child(value, Map.of("<" + key + ">", value));
  }

  private synchronized AbstractMetricGroup child(String name, Map<String, String> own) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A metric group needs a name; got '" + name + "' below "
          + String.join(String.valueOf(registry.getDelimiter()), scope));
    }
    AbstractMetricGroup existing = groups.get(name);
    if (existing != null) {
      return existing;
    }
    AbstractMetricGroup group = new GenericMetricGroup(registry, this, name, own);
    if (closed) {
      group.close(); // a group added below a closed one registers nothing either
    } else {
      groups.put(name, group);
    }
    return group;
  }

  /** Adds {@code group}, made by a subclass, as the child {@code name}; closes it at once if this group is closed. */
  protected synchronized <G extends AbstractMetricGroup> G addChild(String name, G group) {
    if (closed) {
      group.close();
    } else {
      groups.put(name, group);
    }
    return group;
  }

  /** Removes the child {@code name} without closing it (its owner closes it). */
  protected synchronized void removeChild(String name) {
    groups.remove(name);
  }

  @Override
  public List<String> getScopeComponents() {
    return scope;
  }

  @Override
  public Map<String, String> getAllVariables() {
    return variables;
  }

  /**
   * The logical scope: the parent's followed by {@link #logicalName()}, such as
   * {@code [taskmanager, job, task, operator]}.
   */
  @Override
  public List<String> getLogicalScopeComponents() {
    List<String> parentScope = parent == null ? List.of() : parent.getLogicalScopeComponents();
    String name = logicalName();
    if (name == null) {
      return parentScope;
    }
    List<String> all = new java.util.ArrayList<>(parentScope);
    all.add(name);
    return all;
  }

  /** This group's part of the logical scope ({@code taskmanager}, {@code job}...), or null if it adds none. */
  protected abstract String logicalName();

  @Override
  public String getMetricIdentifier(String metricName) {
    return getMetricIdentifier(metricName, CharacterFilter.NO_OP);
  }

  @Override
  public String getMetricIdentifier(String metricName, CharacterFilter filter) {
    char delimiter = registry.getDelimiter();
    StringBuilder sb = new StringBuilder();
    for (String component : scope) {
      appendSanitized(sb, filter.filterCharacters(component), delimiter);
      sb.append(delimiter);
    }
    appendSanitized(sb, filter.filterCharacters(metricName), delimiter);
    return sb.toString();
  }

  /** Appends {@code part} with the delimiter, whitespace and control characters in it replaced by '_'. */
  private static void appendSanitized(StringBuilder sb, String part, char delimiter) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      sb.append(c == delimiter || Character.isWhitespace(c) || Character.isISOControl(c) ? '_' : c);
    }
  }

  /** Whether the group is closed. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** The metrics registered in this group (not its children), by name, for tests and views. */
  public synchronized Map<String, Metric> metrics() {
    return Map.copyOf(metrics);
  }

  /** The groups directly below this one, for snapshots of the whole tree. */
  public synchronized List<AbstractMetricGroup> childGroups() {
    return List.copyOf(groups.values());
  }

  /** Closes the child groups and unregisters every metric; later registrations are ignored. */
  public void close() {
    List<AbstractMetricGroup> children;
    Map<String, Metric> registered;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      children = List.copyOf(groups.values());
      registered = new LinkedHashMap<>(metrics);
      groups.clear();
      metrics.clear();
    }
    for (AbstractMetricGroup child : children) {
      child.close();
    }
    registered.forEach((name, metric) -> registry.unregister(metric, name, this));
  }

  /** Truncates {@code name} to {@code maxLength} characters, logging that it did. */
  static String truncated(String kind, String name, int maxLength) {
    if (name.length() <= maxLength) {
      return name;
    }
    LOG.debug("The {} name '{}' is longer than {} characters; its metrics use the first {}", kind, name,
        maxLength, maxLength);
    return name.substring(0, maxLength);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + String.join(String.valueOf(registry.getDelimiter()), scope) + ")";
  }
}
