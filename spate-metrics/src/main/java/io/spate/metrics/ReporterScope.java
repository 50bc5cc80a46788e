package io.spate.metrics;

import io.spate.api.metrics.CharacterFilter;
import io.spate.api.metrics.LogicalScopeProvider;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.reporter.MetricConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options every reporter of this module reads, as Flink's reporters do: {@code scope.delimiter}
 * (the reporter's own delimiter of metric identifiers), {@code scope.variables.additional}
 * ({@code key:value,...}, added to every metric's variables), {@code scope.variables.excludes}
 * ({@code variable;...}, left out of them) and the metric filter ({@code filter.includes},
 * {@code filter.excludes}); and how a reporter reads a metric's identifier, logical scope and
 * variables with them.
 */
public final class ReporterScope {

  /** Option: the delimiter of this reporter's metric identifiers. */
  public static final String SCOPE_DELIMITER = "scope.delimiter";
  /** Option: variables added to every metric, {@code key:value} pairs separated by commas. */
  public static final String ADDITIONAL_VARIABLES = "scope.variables.additional";
  /** Option: variables left out of every metric, separated by semicolons. */
  public static final String EXCLUDED_VARIABLES = "scope.variables.excludes";
  /** Option: filters of the metrics to report. */
  public static final String FILTER_INCLUDES = "filter.includes";
  /** Option: filters of the metrics not to report. */
  public static final String FILTER_EXCLUDES = "filter.excludes";

  private final Character delimiter;
  private final Map<String, String> additionalVariables;
  private final Set<String> excludedVariables;
  private final MetricFilter filter;

  private ReporterScope(Character delimiter, Map<String, String> additionalVariables,
      Set<String> excludedVariables, MetricFilter filter) {
    this.delimiter = delimiter;
    this.additionalVariables = additionalVariables;
    this.excludedVariables = excludedVariables;
    this.filter = filter;
  }

  /**
   * The scope options of {@code config}.
   *
   * @throws IllegalArgumentException naming the option, if one is malformed
   */
  public static ReporterScope from(MetricConfig config) {
    String delimiterValue = config.getString(SCOPE_DELIMITER, null);
    Character delimiter = null;
    if (delimiterValue != null) {
      if (delimiterValue.length() != 1) {
        throw new IllegalArgumentException("Reporter option '" + SCOPE_DELIMITER
            + "' must be a single character; got '" + delimiterValue + "'");
      }
      delimiter = delimiterValue.charAt(0);
    }
    Map<String, String> additional = new LinkedHashMap<>();
    String additionalValue = config.getString(ADDITIONAL_VARIABLES, "");
    for (String pair : additionalValue.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1 || pair.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException("Reporter option '" + ADDITIONAL_VARIABLES + "': '" + pair.strip()
            + "' is not a key:value pair (in '" + additionalValue + "')");
      }
      additional.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
    }
    Set<String> excluded = new LinkedHashSet<>();
    for (String variable : config.getString(EXCLUDED_VARIABLES, "").split(";")) {
      if (!variable.isBlank()) {
        excluded.add(bare(variable.strip()));
      }
    }
    MetricFilter filter = MetricFilter.parse(config.getString(FILTER_INCLUDES, null),
        config.getString(FILTER_EXCLUDES, null));
    return new ReporterScope(delimiter, Map.copyOf(additional), Set.copyOf(excluded), filter);
  }

  /** Whether the reporter reports {@code metric}, registered as {@code name} in {@code group}. */
  public boolean accepts(Metric metric, String name, MetricGroup group) {
    MetricType type = MetricType.of(metric);
    return type != null && filter.accepts(String.join(".", logicalScope(group)), name, type);
  }

  /**
   * The identifier of metric {@code name} of {@code group}: its scope and the name, each part passed
   * through {@code filter}, joined by this reporter's delimiter (the registry's if it sets none).
   */
  public String identifier(MetricGroup group, String name, CharacterFilter filter) {
    if (delimiter == null) {
      return group.getMetricIdentifier(name, filter);
    }
    char d = delimiter;
    StringBuilder sb = new StringBuilder();
    List<String> parts = new ArrayList<>(group.getScopeComponents());
    parts.add(name);
    for (String part : parts) {
      if (sb.length() > 0) {
        sb.append(d);
      }
      String filtered = filter.filterCharacters(part);
      for (int i = 0; i < filtered.length(); i++) {
        char c = filtered.charAt(i);
        sb.append(c == d || Character.isWhitespace(c) || Character.isISOControl(c) ? '_' : c);
      }
    }
    return sb.toString();
  }

  /**
   * The logical scope of {@code group} ({@code [taskmanager, job, task, operator]}). A group of
   * another registry than Spate's has none; its scope without the values of its variables stands in.
   */
  public static List<String> logicalScope(MetricGroup group) {
    if (group instanceof LogicalScopeProvider provider) {
      return provider.getLogicalScopeComponents();
    }
    Collection<String> values = group.getAllVariables().values();
    List<String> scope = new ArrayList<>();
    for (String component : group.getScopeComponents()) {
      if (!values.contains(component)) {
        scope.add(component);
      }
    }
    return scope;
  }

  /**
   * The variables of {@code group} by bare name ({@code job_id}, without the angle brackets), less the
   * excluded ones, with the additional ones.
   */
  public Map<String, String> variables(MetricGroup group) {
    Map<String, String> variables = new LinkedHashMap<>();
    group.getAllVariables().forEach((key, value) -> {
      String name = bare(key);
      if (!excludedVariables.contains(name)) {
        variables.put(name, value);
      }
    });
    additionalVariables.forEach(variables::putIfAbsent);
    return variables;
  }

  private static String bare(String variable) {
    return variable.startsWith("<") && variable.endsWith(">") && variable.length() > 2
        ? variable.substring(1, variable.length() - 1) : variable;
  }
}
