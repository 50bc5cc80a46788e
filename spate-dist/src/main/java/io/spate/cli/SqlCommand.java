package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.cli.sql.RemoteScript;
import io.spate.cli.sql.SqlSession;
import io.spate.cli.sql.SqlShell;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.client.SqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spate sql}: the SQL client. Without {@code -f} an interactive shell (on an embedded cluster,
 * or on the session cluster of {@code -m}); with {@code -f} it runs a script on an embedded cluster, or on
 * the session cluster of {@code -m}.
 */
@Command(
    name = "sql",
    customSynopsis = {
      "spate sql [-i <init.sql>] [-m <host:port> [--token <token>]] [--batch]",
      "spate sql -f <script.sql> [-i <init.sql>] [-m <host:port> [--token <token>]] [--batch]"
    },
    description = {
      "Without -f, starts the interactive SQL client: statements end with ';', HELP; lists the commands, QUIT;"
          + " or Ctrl-D leaves. Jobs run on an embedded cluster, or with -m on the session cluster at <host:port>."
          + " Input that is not a terminal (a pipe) is run statement by statement, results printed as tables.",
      "With -f, runs the statements of a script on an embedded cluster: DDL, SET, SHOW, DESCRIBE and EXPLAIN at"
          + " once, queries printed as tables, INSERTs as jobs the script waits for; the first failing statement"
          + " stops it. With -f and -m, on the session cluster: INSERTs are submitted there (the script does not"
          + " wait for them), queries run there and their rows are printed as tables."
    })
final class SqlCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Option(names = {"-f", "--file"}, paramLabel = "<script.sql>",
      description = "Runs this script and exits instead of starting the interactive client.")
  private Path file;

  @Option(names = {"-i", "--init"}, paramLabel = "<init.sql>",
      description = "Runs this script first (to create tables, set options), stopping at an error.")
  private Path initFile;

  @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
      description = "Runs the statements' jobs on the session cluster whose REST API is at <host:port>.")
  private String jobManager;

  @Option(names = "--token", paramLabel = "<token>",
      description = "With -m: bearer token of a cluster with rest.authentication.type bearer.")
  private String token;

  @Option(names = "--batch", description = "Runs the statements in batch mode (bounded inputs, final results).")
  private boolean batch;

  @Override
  public Integer call() throws IOException {
    String init = initFile == null ? null : read(initFile);
    if (token != null && jobManager == null) {
      throw new ParameterException(spec.commandLine(), "--token only applies with -m <host:port>.");
    }
    if (file != null) {
      if (jobManager != null) {
        return runRemoteScript(init, read(file));
      }
      return runScript(init, read(file));
    }
    return runShell(init);
  }

  private int runScript(String init, String script) {
    EnvironmentSettings settings = batch ? EnvironmentSettings.inBatchMode() : EnvironmentSettings.inStreamingMode();
    JobLauncher launcher = new JobLauncher(spec.commandLine().getOut(), spec.commandLine().getErr());
    return launcher.launch(() -> {
      SqlScript runner = new SqlScript(settings, spec.commandLine().getOut());
      if (init != null) {
        runner.run(init);
      }
      runner.run(script);
    }, new Configuration(), SqlCommand.class.getClassLoader());
  }

  private int runRemoteScript(String init, String script) throws IOException {
    List<String> scripts = new ArrayList<>();
    if (init != null) {
      scripts.add(init);
    }
    scripts.add(script);
    return RemoteScript.run(ClusterOptions.client(spec, jobManager, token, new LinkedHashMap<>()), batch, scripts,
        spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  private int runShell(String init) throws IOException {
    Map<String, String> noSettings = new LinkedHashMap<>();
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).name("Spate SQL")
        .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
      SqlSession session = jobManager == null ? SqlSession.embedded(batch, terminal)
          : SqlSession.remote(ClusterOptions.client(spec, jobManager, token, noSettings), batch, terminal);
      SqlShell shell = new SqlShell(terminal, session, historyFile());
      if (init != null && !shell.runScript(init)) {
        session.close();
        spec.commandLine().getErr().println("The init script " + initFile + " failed; the client does not start.");
        return 1;
      }
      shell.run();
      return 0;
    }
  }

  /** Where the shell keeps its history: {@code ~/.spate/sql-history}. */
  private static Path historyFile() {
    Path dir = Path.of(System.getProperty("user.home"), ".spate");
    try {
      Files.createDirectories(dir);
      return dir.resolve("sql-history");
    } catch (IOException e) {
      return null; // without a writable home the shell keeps no history
    }
  }

  private String read(Path script) throws IOException {
    try {
      return Files.readString(script, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "The script " + script + " does not exist.");
    }
  }
}
