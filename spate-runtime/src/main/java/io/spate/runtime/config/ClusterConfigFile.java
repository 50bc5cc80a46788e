package io.spate.runtime.config;

import io.spate.runtime.metrics.MetricOptions;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a cluster's configuration file ({@code conf/spate.yaml}): flat YAML, one {@code key: value}
 * a line, comments after {@code #}. Every key must be a documented option and every value must parse;
 * otherwise the error names the file, the line and the key.
 */
public final class ClusterConfigFile {

  private ClusterConfigFile() {}

  /**
   * The configuration of {@code file} (none when null) with {@code overrides} ({@code -D key=value})
   * on top.
   *
   * @throws ConfigFileException if the file is missing or malformed, or a key or value is not valid
   */
  public static Configuration load(Path file, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    if (file != null) {
      values.putAll(parse(file));
    }
    for (Map.Entry<String, String> entry : overrides.entrySet()) {
      String where = "-D " + entry.getKey();
      validate(where, entry.getKey(), entry.getValue());
      values.put(entry.getKey(), entry.getValue());
    }
    return Configuration.fromMap(values);
  }

  /** The keys and values of {@code file}, checked. */
  static Map<String, String> parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigFileException("The configuration file " + file + " does not exist.");
    } catch (IOException e) {
      throw new ConfigFileException("The configuration file " + file + " cannot be read: " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Integer> lineOfKey = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---")) {
        continue;
      }
      String where = file + ", line " + number;
      if (Character.isWhitespace(line.charAt(0)) || trimmed.startsWith("- ")) {
        throw new ConfigFileException(where + ": nested YAML and lists are not supported; write each option"
            + " flat on its own line, such as 'rest.port: 8081'.");
      }
      int colon = trimmed.indexOf(": ");
      if (colon < 0 && trimmed.endsWith(":")) {
        colon = trimmed.length() - 1;
      }
      if (colon <= 0) {
        throw new ConfigFileException(where + ": expected 'key: value' but found '" + trimmed + "'.");
      }
      String key = trimmed.substring(0, colon).strip();
      String value = unquote(where, key, trimmed.substring(colon + 1).strip());
      Integer previous = lineOfKey.put(key, number);
      if (previous != null) {
        throw new ConfigFileException(where + ": key '" + key + "' is already set on line " + previous + ".");
      }
      validate(where, key, value);
      values.put(key, value);
    }
    return values;
  }

  private static String unquote(String where, String key, String raw) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      char quote = raw.charAt(0);
      int end = raw.indexOf(quote, 1);
      if (end < 0) {
        throw new ConfigFileException(where + ": the value of '" + key + "' has no closing " + quote + ".");
      }
      String rest = raw.substring(end + 1).strip();
      if (!rest.isEmpty() && !rest.startsWith("#")) {
        throw new ConfigFileException(where + ": unexpected '" + rest + "' after the quoted value of '" + key
            + "'.");
      }
      return raw.substring(1, end);
    }
    int comment = raw.indexOf(" #");
    String value = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    if (value.isEmpty() || value.startsWith("#")) {
      throw new ConfigFileException(where + ": key '" + key + "' has no value. Nested YAML is not supported"
          + " (write each option flat, such as 'rest.port: 8081'); to use an option's default, remove its line.");
    }
    if (value.startsWith("{") || value.startsWith("[") || value.startsWith("&") || value.startsWith("*")) {
      throw new ConfigFileException(where + ": the value of '" + key + "' is a YAML structure; only plain"
          + " values are supported.");
    }
    return value;
  }

  private static void validate(String where, String key, String value) {
    if (key.startsWith(MetricOptions.REPORTER_PREFIX)) {
      return; // a reporter's own options, named by the user; the metric registry checks them when it starts
    }
    ConfigOption<?> option = ConfigurationDocs.allOptions().stream()
        .filter(o -> o.key().equals(key)).findFirst().orElse(null);
    if (option == null) {
      throw new ConfigFileException(where + ": unknown option '" + key + "'; docs/configuration.md lists every"
          + " option.");
    }
    try {
      Configuration.fromMap(Map.of(key, value)).get(option);
    } catch (IllegalConfigurationException | IllegalArgumentException e) {
      throw new ConfigFileException(where + ": option '" + key + "': " + e.getMessage());
    }
  }
}
