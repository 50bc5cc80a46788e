package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.classloading.ChildFirstClassLoader;
import io.spate.runtime.cluster.ClusterProcessOptions;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.rest.RestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.spate.api.configuration.SecurityOptions;
import io.spate.runtime.security.InternalAuthentication;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code spate run-application}: a cluster for one application. This process is its JobManager and
 * runs the jar's main method; TaskManager processes it starts join it and download the jar; when the
 * main method returns (its jobs have ended) the TaskManagers and the JobManager stop.
 */
@Command(name = "run-application",
    customSynopsis = {"spate run-application <jar> [--taskmanagers <n>] [--class <class>] [--parallelism <n>]",
        "                 [--config <file>] [-D <key>=<value>]... [--] [<job args>...]"},
    description = {"Runs a job jar on a cluster of its own (application mode): this process is the JobManager and"
        + " runs the jar's main method, --taskmanagers TaskManager processes run the tasks, and all of them stop"
        + " when the main method returns. The REST API serves 'spate list', 'savepoint', 'stop' and 'cancel'"
        + " meanwhile; the exit code is 0 when the main method returned normally, 1 when it failed."})
final class RunApplicationCommand implements Callable<Integer> {

  private static final long POLL_MILLIS = 50;

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterConfigOptions options;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Parameters(index = "0", paramLabel = "<jar>", description = "The job jar.")
  private Path jar;

  @Option(names = {"-c", "--class"}, paramLabel = "<class>",
      description = "The job's main class (default: the Main-Class of the jar's manifest).")
  private String mainClassName;

  @Option(names = {"-p", "--parallelism"}, paramLabel = "<n>", description = "Default parallelism of the job.")
  private Integer parallelism;

  @Option(names = "--taskmanagers", paramLabel = "<n>", defaultValue = "1",
      description = "TaskManager processes to start, each with jobmanager.taskexecutor.slots slots (default: ${DEFAULT-VALUE}).")
  private int taskManagers;

  @Unmatched
  private List<String> jobArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (taskManagers < 1) {
      throw usageError("--taskmanagers must be at least 1, but was " + taskManagers + ".");
    }
    if (parallelism != null && parallelism < 1) {
      throw usageError("--parallelism must be at least 1, but was " + parallelism + ".");
    }
    Path jarFile = jar.toAbsolutePath().normalize();
    if (!Files.isRegularFile(jarFile) || !Files.isReadable(jarFile)) {
      throw usageError("Job jar not found or not a readable file: " + jarFile);
    }
    Configuration conf = options.load();
    if (parallelism != null) {
      conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    }
    String className = mainClassName != null ? mainClassName : JobEntryPoint.manifestMainClass(jarFile);
    if (className == null) {
      throw usageError("The jar " + jarFile + " names no Main-Class in its manifest: give it with --class <class>.");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClusterFiles files = ClusterFiles.of(conf);
    Files.createDirectories(files.logDir());
    Map<String, String> taskManagerOptions = new LinkedHashMap<>(options.overrides());
    Optional<Path> secret = GeneratedClusterSecret.createIfNeeded(conf,
        files.logDir().resolve("spate-application-" + ProcessHandle.current().pid() + ".secret"));
    secret.ifPresent(file -> {
      conf.set(SecurityOptions.INTERNAL_SECRET_FILE, file.toString());
      taskManagerOptions.put(SecurityOptions.INTERNAL_SECRET_FILE.key(), file.toString());
    });
    InternalAuthentication.requireForProcess(conf, "JobManager");
    int slots = conf.get(ClusterProcessOptions.SESSION_SLOTS);
    List<Process> started = new ArrayList<>();
    Thread stopTaskManagers = new Thread(() -> stop(started), "spate-application-stop");
    Runtime.getRuntime().addShutdownHook(stopTaskManagers);
    NetworkedJobManager jobManager = NetworkedJobManager.start(conf, 0, slots);
    try (MiniCluster cluster = jobManager.cluster();
        ChildFirstClassLoader loader = new ChildFirstClassLoader(new URL[] {jarFile.toUri().toURL()},
            RunApplicationCommand.class.getClassLoader())) {
      RestServer rest = cluster.startRestServer(conf);
      for (int i = 0; i < taskManagers; i++) {
        started.add(SpateProcesses.launch(List.of("taskmanager", "--jobmanager", jobManager.rpcAddress(), "--slots",
            String.valueOf(slots)), files.logDir().resolve("spate-application-taskmanager-" + i + ".log"),
            options.configFile(), taskManagerOptions, "spate run-application"));
      }
      String missing = awaitTaskManagers(cluster, started, conf);
      if (missing != null) {
        err.println(missing);
        return 1;
      }
      err.println("Application cluster: JobManager with REST API at " + rest.url() + ", " + taskManagers
          + " TaskManager(s) (logs " + files.logDir() + "/spate-application-taskmanager-<n>.log)");
      err.flush();
      Method main = JobEntryPoint.mainMethod(loader, className);
      return runMain(main, conf, loader, cluster, jarFile, err);
    } catch (JobEntryPoint.NotRunnable e) {
      throw usageError(switch (e.problem) {
        case NOT_FOUND -> "Class " + className + " was not found in " + jarFile + ".";
        case NOT_LOADABLE -> "Class " + className + " in " + jarFile + " cannot be loaded: " + e.getCause();
        case NO_MAIN -> "Class " + className + " has no 'public static void main(String[])' method.";
      });
    } finally {
      stop(started);
      Runtime.getRuntime().removeShutdownHook(stopTaskManagers);
      secret.ifPresent(ClusterFiles::deleteQuietly);
      out.flush();
    }
  }

  private int runMain(Method main, Configuration conf, ClassLoader loader, MiniCluster cluster, Path jarFile,
      PrintWriter err) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    StreamExecutionEnvironment.initializeThreadContextEnvironment(
        SessionJarRunner.programEnvironments(conf, loader, cluster, jarFile, client ->
            err.println("Job " + client.getJobID() + " submitted to the application cluster")));
    try {
      main.invoke(null, (Object) jobArgs.toArray(new String[0]));
      return 0;
    } catch (InvocationTargetException e) {
      err.println(FailureMessage.describe(e.getCause()));
      return 1;
    } catch (IllegalAccessException e) {
      err.println("The main method cannot be called: " + e.getMessage());
      return 1;
    } finally {
      StreamExecutionEnvironment.resetThreadContextEnvironment();
      thread.setContextClassLoader(previous);
      err.flush();
    }
  }

  /** Null once every TaskManager registered; else why not (one exited, or the start timeout passed). */
  private static String awaitTaskManagers(MiniCluster cluster, List<Process> started, Configuration conf)
      throws Exception {
    long deadline = System.nanoTime() + conf.get(ClusterProcessOptions.START_TIMEOUT).toNanos();
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < started.size(); i++) {
        if (!started.get(i).isAlive()) {
          return "TaskManager " + i + " exited with status " + started.get(i).exitValue() + " while starting; see"
              + " its log spate-application-taskmanager-" + i + ".log.";
        }
      }
      if (cluster.resourceManagerGateway().requestTaskExecutors().get(10, TimeUnit.SECONDS).size() >= started.size()) {
        return null;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return "Not every TaskManager registered within " + conf.get(ClusterProcessOptions.START_TIMEOUT).toSeconds()
        + " s (" + ClusterProcessOptions.START_TIMEOUT.key() + ").";
  }

  /** Stops the TaskManagers: SIGTERM, then SIGKILL after 10 s. */
  private static void stop(List<Process> taskManagers) {
    for (Process process : taskManagers) {
      process.destroy();
    }
    for (Process process : taskManagers) {
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
