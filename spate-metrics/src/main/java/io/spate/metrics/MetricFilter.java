package io.spate.metrics;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which metrics a reporter reports, from its {@code filter.includes} and {@code filter.excludes}
 * options as in Flink: each a list of filters separated by {@code ;}, each filter
 * {@code <scope>[:<name>[,<name>...][:<type>[,<type>...]]]}. The scope is matched against the
 * metric's logical scope ({@code taskmanager.job.task.operator}), names against its name, both with
 * {@code *} matching any characters; types are {@code counter}, {@code meter}, {@code gauge} and
 * {@code histogram}. A metric is reported if some include filter matches it and no exclude filter
 * does.
 */
public final class MetricFilter {

  /** Reports every metric. */
  public static final MetricFilter ALL = new MetricFilter(List.of(Rule.parse("*", "filter.includes")), List.of());

  private final List<Rule> includes;
  private final List<Rule> excludes;

  private MetricFilter(List<Rule> includes, List<Rule> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /**
   * The filter of {@code includes} and {@code excludes} (either may be null: include all, exclude none).
   *
   * @throws IllegalArgumentException naming the option and the filter, if a filter is malformed
   */
  public static MetricFilter parse(String includes, String excludes) {
    List<Rule> in = rules(includes, "filter.includes");
    return new MetricFilter(in.isEmpty() ? ALL.includes : in, rules(excludes, "filter.excludes"));
  }

  /** Whether a metric of {@code type} named {@code name} in logical scope {@code logicalScope} is reported. */
  public boolean accepts(String logicalScope, String name, MetricType type) {
    return matchesAny(includes, logicalScope, name, type) && !matchesAny(excludes, logicalScope, name, type);
  }

  private static boolean matchesAny(List<Rule> rules, String scope, String name, MetricType type) {
    for (Rule rule : rules) {
      if (rule.matches(scope, name, type)) {
        return true;
      }
    }
    return false;
  }

  private static List<Rule> rules(String value, String key) {
    List<Rule> rules = new ArrayList<>();
    if (value != null) {
      for (String filter : value.split(";")) {
        if (!filter.isBlank()) {
          rules.add(Rule.parse(filter.strip(), key));
        }
      }
    }
    return rules;
  }

  private record Rule(Pattern scope, List<Pattern> names, Set<MetricType> types) {

    static Rule parse(String filter, String key) {
      String[] parts = filter.split(":", -1);
      if (parts.length > 3) {
        throw new IllegalArgumentException("Reporter option '" + key + "': filter '" + filter
            + "' has " + parts.length + " parts; expected <scope>[:<name>[,<name>][:<type>[,<type>]]]");
      }
      Pattern scope = wildcard(parts[0], key, filter, "scope");
      List<Pattern> names = new ArrayList<>();
      for (String name : (parts.length > 1 ? parts[1] : "*").split(",")) {
        names.add(wildcard(name.strip(), key, filter, "name"));
      }
      Set<MetricType> types = EnumSet.noneOf(MetricType.class);
      for (String type : (parts.length > 2 ? parts[2] : "*").split(",")) {
        String t = type.strip();
        if (t.equals("*")) {
          types.addAll(EnumSet.allOf(MetricType.class));
          continue;
        }
        MetricType match = null;
        for (MetricType candidate : MetricType.values()) {
          if (candidate.filterName().equalsIgnoreCase(t)) {
            match = candidate;
          }
        }
        if (match == null) {
          throw new IllegalArgumentException("Reporter option '" + key + "': filter '" + filter
              + "' names the metric type '" + t + "'; expected counter, meter, gauge, histogram or *");
        }
        types.add(match);
      }
      return new Rule(scope, names, types);
    }

    private static Pattern wildcard(String glob, String key, String filter, String what) {
      if (glob.isEmpty()) {
        throw new IllegalArgumentException("Reporter option '" + key + "': filter '" + filter + "' has an empty "
            + what + "; use * for any");
      }
      StringBuilder regex = new StringBuilder();
      String[] literals = glob.split("\\*", -1);
      for (int i = 0; i < literals.length; i++) {
        if (i > 0) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(literals[i]));
      }
      return Pattern.compile(regex.toString());
    }

    boolean matches(String scope, String name, MetricType type) {
      if (!types.contains(type) || !this.scope.matcher(scope).matches()) {
        return false;
      }
      for (Pattern n : names) {
        if (n.matcher(name).matches()) {
          return true;
        }
      }
      return false;
    }
  }
}
