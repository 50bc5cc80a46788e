package io.spate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a command's answer as text for people or as one JSON object for scripts. */
final class CliOutput {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CliOutput() {}

  static void print(CommandSpec spec, ClusterOptions.Output output, String text, Object json) {
    if (output == ClusterOptions.Output.JSON) {
      try {
        spec.commandLine().getOut().println(JSON.writeValueAsString(json));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot print " + json + " as JSON", e);
      }
    } else {
      spec.commandLine().getOut().println(text);
    }
    spec.commandLine().getOut().flush();
  }
}
