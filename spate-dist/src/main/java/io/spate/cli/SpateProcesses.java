package io.spate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code spate} commands as background processes of this machine, with the same JVM and class path. */
final class SpateProcesses {

  private SpateProcesses() {}

  /**
   * Starts {@code spate <spateArguments>} with the configuration file {@code config} (null for none)
   * and {@code overrides} as -D options, appending its output to {@code logFile} after a line that
   * names {@code startedBy}.
   */
  static Process launch(List<String> spateArguments, Path logFile, Path config, Map<String, String> overrides,
      String startedBy) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String javaOpts = System.getenv("SPATE_JAVA_OPTS");
    if (javaOpts != null && !javaOpts.isBlank()) {
      command.addAll(List.of(javaOpts.trim().split("\\s+")));
    }
    command.add("-Dspate.home=" + ClusterFiles.home());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpateCli.class.getName()));
    command.addAll(spateArguments);
    if (config != null) {
      command.addAll(List.of("--config", config.toString()));
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      command.addAll(List.of("-D", override.getKey() + "=" + override.getValue()));
    }
    Files.writeString(logFile, "---- " + Instant.now() + " " + startedBy + System.lineSeparator(),
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }
}
