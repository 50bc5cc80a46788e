package io.spate.runtime.metrics;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.metrics.reporter.MetricConfig;
import io.spate.api.metrics.reporter.MetricReporterFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One configured reporter before it starts: its name, factory, options and interval, read from the
 * {@code metrics.reporters} and {@code metrics.reporter.<name>.*} keys.
 *
 * @param name the name in the configuration
 * @param factory the factory that {@code factory.class} names
 * @param config every {@code metrics.reporter.<name>.*} option, without the prefix
 * @param interval how often a {@link io.spate.api.metrics.reporter.Scheduled} reporter reports
 */
public record ReporterSetup(String name, MetricReporterFactory factory, MetricConfig config, Duration interval) {

  /**
   * The reporters {@code conf} configures, with factories found by {@link ServiceLoader} in
   * {@code classLoader}.
   *
   * @throws IllegalConfigurationException naming the reporter and the key, if a listed reporter has
   *     no factory class, its factory is not on the class path, or its interval is malformed
   */
  public static List<ReporterSetup> fromConfiguration(Configuration conf, ClassLoader classLoader) {
    Map<String, MetricConfig> configured = new TreeMap<>();
    for (Map.Entry<String, String> e : conf.toMap().entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(MetricOptions.REPORTER_PREFIX)) {
        continue;
      }
      String rest = key.substring(MetricOptions.REPORTER_PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        throw new IllegalConfigurationException("Key '" + key + "' names no reporter option; write "
            + MetricOptions.REPORTER_PREFIX + "<name>.<option>, such as " + MetricOptions.REPORTER_PREFIX
            + "log.factory.class.");
      }
      configured.computeIfAbsent(rest.substring(0, dot), n -> new MetricConfig())
          .setProperty(rest.substring(dot + 1), e.getValue());
    }
    Set<String> names = new LinkedHashSet<>();
    String listed = conf.get(MetricOptions.REPORTERS);
    if (listed == null) {
      names.addAll(configured.keySet());
    } else {
      for (String name : listed.split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, MetricReporterFactory> factories = new TreeMap<>();
    for (MetricReporterFactory factory : ServiceLoader.load(MetricReporterFactory.class, classLoader)) {
      factories.put(factory.getClass().getName(), factory);
    }
    Duration defaultInterval = MetricOptions.DEFAULT_REPORTER_INTERVAL;
    List<ReporterSetup> setups = new ArrayList<>();
    for (String name : names) {
      MetricConfig config = configured.get(name);
      String factoryKey = MetricOptions.REPORTER_PREFIX + name + "." + MetricOptions.REPORTER_FACTORY_CLASS;
      String factoryClass = config == null ? null : config.getProperty(MetricOptions.REPORTER_FACTORY_CLASS);
      String type = config == null ? null : config.getProperty(MetricOptions.REPORTER_TYPE);
      if ((factoryClass == null || factoryClass.isBlank()) && type != null && !type.isBlank()) {
        factoryClass = factoryOfType(name, type.strip(), factories);
      }
      if (factoryClass == null || factoryClass.isBlank()) {
        throw new IllegalConfigurationException("Metric reporter '" + name + "' is listed in "
            + MetricOptions.REPORTERS.key() + " but neither '" + factoryKey + "' nor '" + MetricOptions.REPORTER_PREFIX
            + name + "." + MetricOptions.REPORTER_TYPE + "' is set.");
      }
      MetricReporterFactory factory = factories.get(factoryClass.strip());
      if (factory == null) {
        throw new IllegalConfigurationException("'" + factoryKey + "' names " + factoryClass.strip()
            + ", which is not a MetricReporterFactory registered in META-INF/services on the class path; found "
            + new TreeSet<>(factories.keySet()) + ". Is the reporter's jar on the class path?");
      }
      String intervalKey = MetricOptions.REPORTER_PREFIX + name + "." + MetricOptions.REPORTER_INTERVAL;
      Duration interval = Configuration.fromMap(conf.toMap())
          .getOptional(ConfigOption.key(intervalKey).durationType().noDefaultValue().withDescription("interval"))
          .orElse(defaultInterval);
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalConfigurationException("'" + intervalKey + "' must be positive; got " + interval + ".");
      }
      setups.add(new ReporterSetup(name, factory, config, interval));
    }
    return setups;
  }

  /** The class name of the factory whose identifier is {@code type}, as {@code metrics.reporter.<name>.type} names it. */
  private static String factoryOfType(String name, String type, Map<String, MetricReporterFactory> factories) {
    Map<String, String> byType = new TreeMap<>();
    for (MetricReporterFactory factory : factories.values()) {
      String identifier = factory.identifier();
      if (identifier != null) {
        byType.putIfAbsent(identifier, factory.getClass().getName());
      }
    }
    String factoryClass = byType.get(type);
    if (factoryClass == null) {
      throw new IllegalConfigurationException("'" + MetricOptions.REPORTER_PREFIX + name + "."
          + MetricOptions.REPORTER_TYPE + "' is '" + type + "', which no MetricReporterFactory on the class path"
          + " identifies; known types: " + byType.keySet() + ". Is the reporter's jar (spate-metrics for prometheus,"
          + " jmx and slf4j) on the class path?");
    }
    return factoryClass;
  }
}
