package io.spate.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --timeout} of the commands that wait for a savepoint. */
final class SavepointTimeout {

  @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "600",
      description = "How long to wait for the savepoint (default: ${DEFAULT-VALUE}).")
  private long seconds;

  /** The timeout, checked to be at least a second. */
  Duration get(ClusterOptions cluster) {
    if (seconds < 1) {
      throw cluster.usageError("--timeout must be at least 1 second, but was " + seconds + ".");
    }
    return Duration.ofSeconds(seconds);
  }
}
