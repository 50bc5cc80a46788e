package io.spate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Which Spate class stands for which Flink class, by fully qualified name ({@code Outer.Inner} for nested
 * classes), and which Spate packages stand for a Flink package; generated with docs/flink-compatibility.md.
 */
final class FlinkImportMapping {

  static final String RESOURCE = "/io/spate/cli/flink-port-mapping.properties";

  private final Map<String, String> classes;
  private final Map<String, List<String>> packages;

  FlinkImportMapping(Map<String, String> classes, Map<String, List<String>> packages) {
    this.classes = new TreeMap<>(classes);
    this.packages = new TreeMap<>(packages);
  }

  /** The mapping shipped in the spate jar. */
  static FlinkImportMapping bundled() {
    try (InputStream in = FlinkImportMapping.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The Flink-to-Spate mapping " + RESOURCE + " is missing from the class path");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> classes = new TreeMap<>();
      Map<String, List<String>> packages = new TreeMap<>();
      for (String key : properties.stringPropertyNames()) {
        String value = properties.getProperty(key).strip();
        if (key.endsWith(".*")) {
          packages.put(key.substring(0, key.length() - 2), Arrays.stream(value.split(","))
              .map(p -> p.strip().replaceAll("\\.\\*$", "")).toList());
        } else {
          classes.put(key, value);
        }
      }
      return new FlinkImportMapping(classes, packages);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** The Spate class for a Flink class's qualified name. */
  Optional<String> spateClass(String flinkClass) {
    return Optional.ofNullable(classes.get(flinkClass));
  }

  /** The Spate packages holding the classes that stand for a Flink package's; empty when there are none. */
  List<String> spatePackages(String flinkPackage) {
    return packages.getOrDefault(flinkPackage, List.of());
  }

  /**
   * The longest leading run of {@code segments} that names a mapped Flink class, as a count of segments;
   * 0 when no prefix is mapped.
   */
  int mappedPrefixLength(List<String> segments) {
    for (int length = segments.size(); length > 0; length--) {
      if (classes.containsKey(String.join(".", segments.subList(0, length)))) {
        return length;
      }
    }
    return 0;
  }
}
