package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.config.ClusterConfigFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --config <file>} and {@code -D key=value} options of the cluster commands. */
final class ClusterConfigOptions {

  @Option(names = "--config", paramLabel = "<file>",
      description = "The configuration file (default: conf/spate.yaml in Spate's directory, if present).")
  Path config;

  @Option(names = "-D", paramLabel = "<key>=<value>", mapFallbackValue = "",
      description = "An option that overrides the configuration file, such as -D rest.port=8082.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** The configuration file in effect, or null. */
  Path configFile() {
    return ClusterFiles.configFile(config);
  }

  /** The configuration: the file's options with the {@code -D} ones on top. */
  Configuration load() {
    return ClusterConfigFile.load(configFile(), overrides);
  }
}
