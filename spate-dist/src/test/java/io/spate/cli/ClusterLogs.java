package io.spate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The logs of a test's cluster processes, for the diagnosis a failed test prints. */
final class ClusterLogs {

  private ClusterLogs() {}

  /** The last {@code count} lines of every {@code .log} file in {@code logDir}, each under its name. */
  static String lastLines(Path logDir, int count) {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> logs = Files.list(logDir)) {
      for (Path log : logs.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        text.append("\n--- last lines of ").append(log.getFileName()).append(" ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size())));
      }
    } catch (IOException e) {
      text.append("\n(logs not readable: ").append(e).append(')');
    }
    return text.toString();
  }
}
