package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.config.ClusterConfigFile;
import io.spate.api.configuration.IllegalConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The {@code --config <file>} and {@code -D key=value} options of the cluster commands. */
final class ClusterConfigOptions {

  @Option(names = "--config", paramLabel = "<file>",
      description = "The configuration file (default: conf/spate.yaml in Spate's directory, if present).")
  Path config;

  @Option(names = "-D", paramLabel = "<key>=<value>", mapFallbackValue = "",
      description = "An option that overrides the configuration file, such as -D rest.port=8082.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--options-file", hidden = true, paramLabel = "<file>",
      description = "A file of -D options (Java properties, readable only by its owner), read once and deleted:"
          + " how 'spate cluster start' hands its -D options, secrets included, to the processes it starts without"
          + " showing them on their command lines.")
  Path optionsFile;

  private Map<String, String> effective;

  /** The configuration file in effect, or null. */
  Path configFile() {
    return ClusterFiles.configFile(config);
  }

  /** The {@code -D} options: those of {@code --options-file} (read once, then deleted) with the command line's on top. */
  Map<String, String> overrides() {
    if (effective == null) {
      Map<String, String> all = new LinkedHashMap<>();
      if (optionsFile != null) {
        all.putAll(readAndDelete(optionsFile));
      }
      all.putAll(overrides);
      effective = all;
    }
    return effective;
  }

  /** The configuration: the file's options with the {@code -D} ones on top. */
  Configuration load() {
    return ClusterConfigFile.load(configFile(), overrides());
  }

  private static Map<String, String> readAndDelete(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalConfigurationException("The options file " + file + " cannot be read: " + e.getMessage());
    } finally {
      ClusterFiles.deleteQuietly(file);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      values.put(key, properties.getProperty(key));
    }
    return values;
  }
}
