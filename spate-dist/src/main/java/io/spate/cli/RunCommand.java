package io.spate.cli;

import io.spate.runtime.classloading.ChildFirstClassLoader;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.RestoreMode;
import io.spate.api.configuration.SavepointOptions;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.spate.cli.rest.RestClientException;
import io.spate.cli.rest.RestClusterClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code spate run}: runs the main class of a job jar on an embedded local cluster. */
@Command(
    name = "run",
    customSynopsis = {
      "spate run <jar> [--class <class>] [--parallelism <n>]",
      "                 [--mode streaming|batch|automatic]",
      "                 [--from-savepoint <path> [--allow-non-restored-state]] [--] [<job args>...]",
      "spate run -m <host:port> [--token <token>] <jar> [--class <class>] [--parallelism <n>]",
      "                 [--from-savepoint <path> [--allow-non-restored-state]] [--] [<job args>...]"
    },
    description = {
      "With -m, uploads the job jar to the session cluster at <host:port> ('spate cluster start'), runs it there"
          + " and prints the job's id.",
      "Without -m, runs a job jar on an embedded local cluster, whose REST API (on the first free port from 8081) serves"
          + " 'spate list', 'savepoint', 'stop' and 'cancel' while the job runs.",
      "The options of 'run' come first; the first argument that is not one of them, or every "
          + "argument after '--', is passed to the job's main method."
    })
final class RunCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Parameters(index = "0", paramLabel = "<jar>", description = "The job jar.")
  private Path jar;

  @Option(names = {"-c", "--class"}, paramLabel = "<class>",
      description = "The job's main class (default: the Main-Class of the jar's manifest).")
  private String mainClassName;

  @Option(names = {"-p", "--parallelism"}, paramLabel = "<n>",
      description = "Default parallelism of the job's operators (default: the number of cores).")
  private Integer parallelism;

  @Option(names = "--mode", paramLabel = "<mode>", converter = RuntimeModeConverter.class,
      description = "streaming, batch or automatic (batch when every source is bounded); "
          + "default: streaming. A mode the job sets itself wins.")
  private RuntimeExecutionMode mode;

  @Option(names = {"-s", "--from-savepoint"}, paramLabel = "<path>",
      description = "Restores the job's state from this savepoint or retained checkpoint directory (or a job's "
          + "checkpoint directory, for its newest complete checkpoint).")
  private String fromSavepoint;

  @Option(names = {"-n", "--allow-non-restored-state"},
      description = "With --from-savepoint: skips state of operators the job no longer has instead of failing.")
  private boolean allowNonRestoredState;

  @Option(names = "--restore-mode", paramLabel = "<mode>", converter = RestoreModeConverter.class,
      description = "With --from-savepoint: claim (the job owns the snapshot and deletes it once its own checkpoints"
          + " subsume it) or no_claim (the default: the snapshot is left alone).")
  private RestoreMode restoreMode;

  @Option(names = "-D", paramLabel = "<key>=<value>", mapFallbackValue = "",
      description = "A configuration option for the job and its embedded cluster, such as"
          + " -D rest.authentication.type=bearer -D rest.authentication.token=<token>; the job's own settings win.")
  private java.util.Map<String, String> options = new java.util.LinkedHashMap<>();

  @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
      description = "Runs the jar on the session cluster whose REST API is at <host:port> instead of an embedded one.")
  private String jobManager;

  @Option(names = "--token", paramLabel = "<token>",
      description = "With -m: bearer token of a cluster with rest.authentication.type bearer.")
  private String token;

  @Unmatched
  private List<String> jobArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (parallelism != null && parallelism < 1) {
      throw usageError("--parallelism must be at least 1, but was " + parallelism + ".");
    }
    if (allowNonRestoredState && fromSavepoint == null) {
      throw usageError("--allow-non-restored-state only applies with --from-savepoint <path>.");
    }
    if (restoreMode != null && fromSavepoint == null) {
      throw usageError("--restore-mode only applies with --from-savepoint <path>.");
    }
    if (jobManager == null && fromSavepoint != null && !Files.exists(Path.of(fromSavepoint))) {
      throw usageError("No savepoint or checkpoint at " + fromSavepoint + ".");
    }
    Path jarFile = jar.toAbsolutePath().normalize();
    if (!Files.exists(jarFile)) {
      throw usageError("Job jar not found: " + jarFile);
    }
    if (!Files.isRegularFile(jarFile) || !Files.isReadable(jarFile)) {
      throw usageError("Job jar is not a readable file: " + jarFile);
    }
    if (jobManager != null) {
      return runOnCluster(jarFile);
    }
    if (token != null) {
      throw usageError("--token only applies with -m <host:port>.");
    }
    String className = mainClassName != null ? mainClassName : manifestMainClass(jarFile);
    try (ChildFirstClassLoader loader = new ChildFirstClassLoader(
        new URL[] {toUrl(jarFile)}, RunCommand.class.getClassLoader())) {
      Method main = findMain(loader, className, jarFile);
      String[] args = jobArgs.toArray(new String[0]);
      JobLauncher launcher = new JobLauncher(spec.commandLine().getOut(), spec.commandLine().getErr());
      return launcher.launch(() -> main.invoke(null, (Object) args), settings(), loader);
    }
  }

  /** Uploads the jar to the session cluster of -m, runs it there and prints the job id. */
  private int runOnCluster(Path jarFile) throws RestClientException {
    if (mode != null) {
      throw usageError("--mode does not apply with -m yet: set execution.runtime-mode in the job.");
    }
    for (String key : options.keySet()) {
      if (!key.startsWith("rest.authentication.") && !key.startsWith("security.ssl.rest.")) {
        throw usageError("With -m, -D only takes how to reach the cluster (rest.authentication.*,"
            + " security.ssl.rest.*), not '" + key + "': set job options in the job itself or in the cluster's"
            + " conf/spate.yaml.");
      }
    }
    RestClusterClient client = ClusterOptions.client(spec, jobManager, token, options);
    String jarId = client.uploadJar(jarFile);
    Map<String, Object> request = new LinkedHashMap<>();
    if (mainClassName != null) {
      request.put("entryClass", mainClassName);
    }
    request.put("programArgs", jobArgs);
    if (parallelism != null) {
      request.put("parallelism", parallelism);
    }
    if (fromSavepoint != null) {
      request.put("savepointPath", CliPaths.absolute(fromSavepoint));
      request.put("allowNonRestoredState", allowNonRestoredState);
      if (restoreMode != null) {
        request.put("restoreMode", restoreMode.name());
      }
    }
    String jobId = client.runJar(jarId, request);
    spec.commandLine().getOut().println("Job has been submitted with JobID " + jobId);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Configuration settings() {
    Configuration settings = Configuration.fromMap(options);
    if (parallelism != null) {
      settings.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    }
    if (mode != null) {
      settings.set(CoreOptions.RUNTIME_MODE, mode);
    }
    if (fromSavepoint != null) {
      settings.set(SavepointOptions.SAVEPOINT_PATH, Path.of(fromSavepoint).toAbsolutePath().normalize().toString());
      settings.set(SavepointOptions.ALLOW_NON_RESTORED_STATE, allowNonRestoredState);
      if (restoreMode != null) {
        settings.set(SavepointOptions.RESTORE_MODE, restoreMode);
      }
    }
    return settings;
  }

  private String manifestMainClass(Path jarFile) {
    String name;
    try {
      name = JobEntryPoint.manifestMainClass(jarFile);
    } catch (IOException e) {
      throw usageError("Cannot read the job jar " + jarFile + ": " + e.getMessage());
    }
    if (name == null) {
      throw usageError("The jar " + jarFile + " names no Main-Class in its manifest: "
          + "give the job's main class with --class <class>.");
    }
    return name;
  }

  private Method findMain(ClassLoader loader, String className, Path jarFile) {
    try {
      return JobEntryPoint.mainMethod(loader, className);
    } catch (JobEntryPoint.NotRunnable e) {
      throw usageError(switch (e.problem) {
        case NOT_FOUND -> "Class " + className + " was not found in " + jarFile + " (nor on Spate's class path).";
        case NOT_LOADABLE -> "Class " + className + " in " + jarFile + " cannot be loaded: " + e.getCause();
        case NO_MAIN -> "Class " + className + " has no 'public static void main(String[])' method.";
      });
    }
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a valid path for a class path: " + path, e);
    }
  }

  private ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
