package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.client.SqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spate sql}: runs a SQL script (from a file or standard input) on an embedded cluster. */
@Command(
    name = "sql",
    customSynopsis = {"spate sql -f <script.sql> [--batch]", "spate sql [--batch] < script.sql"},
    description = "Runs the SQL statements of a script, one after another, on an embedded cluster: DDL, SET,"
        + " SHOW, DESCRIBE and EXPLAIN at once, queries printed as tables, INSERTs as jobs the script waits for.")
final class SqlCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Option(names = {"-f", "--file"}, paramLabel = "<script.sql>",
      description = "The script to run; without it, the statements are read from standard input.")
  private Path file;

  @Option(names = "--batch", description = "Runs the statements in batch mode (bounded inputs, final results).")
  private boolean batch;

  @Override
  public Integer call() throws IOException {
    String script = readScript();
    EnvironmentSettings settings = batch ? EnvironmentSettings.inBatchMode() : EnvironmentSettings.inStreamingMode();
    JobLauncher launcher = new JobLauncher(spec.commandLine().getOut(), spec.commandLine().getErr());
    return launcher.launch(() -> new SqlScript(settings, spec.commandLine().getOut()).run(script), new Configuration(),
        SqlCommand.class.getClassLoader());
  }

  private String readScript() throws IOException {
    if (file == null) {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "The script " + file + " does not exist.");
    }
  }
}
