package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.highavailability.HighAvailabilityOptions;
import io.spate.runtime.cluster.ClusterProcessOptions;
import io.spate.api.configuration.SecurityOptions;
import io.spate.cli.rest.RestClientException;
import io.spate.cli.rest.RestClusterClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spate cluster start}: starts {@code spate jobmanager} in the background, writes its pid file,
 * waits until its REST API answers, then starts the TaskManager processes that join it, each with a pid
 * and log file, waits until they registered and prints the addresses.
 */
@Command(name = "start", description = "Starts a session cluster in the background and prints its REST address;"
    + " does nothing when one already runs.")
final class ClusterStartCommand implements Callable<Integer> {

  private static final long POLL_MILLIS = 100;

  // The -D options of the processes this starts (with the secret it made, if any) and the REST
  // credentials of the cluster, set once the configuration is read.
  private Map<String, String> childOptions;
  private String authorization;

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterConfigOptions options;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Option(names = "--taskmanagers", paramLabel = "<n>", defaultValue = "1",
      description = "TaskManager processes to start, each with jobmanager.taskexecutor.slots slots (default: ${DEFAULT-VALUE}).")
  private int taskManagers;

  @Option(names = "--jobmanagers", paramLabel = "<n>", defaultValue = "1",
      description = "JobManager processes to start (default: ${DEFAULT-VALUE}); more than one needs"
          + " high-availability.type: zookeeper: the first leads, the others stand by to take over its jobs.")
  private int jobManagers;

  @Override
  public Integer call() throws Exception {
    if (taskManagers < 1) {
      throw new ParameterException(spec.commandLine(), "--taskmanagers must be at least 1, but was "
          + taskManagers + ".");
    }
    Configuration conf = options.load();
    boolean highlyAvailable = HighAvailabilityOptions.isZooKeeper(conf);
    if (jobManagers < 1 || (jobManagers > 1 && !highlyAvailable)) {
      throw new ParameterException(spec.commandLine(), jobManagers < 1
          ? "--jobmanagers must be at least 1, but was " + jobManagers + "."
          : "--jobmanagers " + jobManagers + " needs " + HighAvailabilityOptions.TYPE.key() + ": zookeeper, so that"
              + " the JobManagers elect one leader; without it start one.");
    }
    HighAvailabilityOptions.validate(conf);
    if (conf.get(SecurityOptions.REST_ENABLED)) {
      // start waits for /health over plain HTTP; failing now beats a 60 s wait and a killed JobManager
      throw new ParameterException(spec.commandLine(), "'spate cluster start' cannot check a cluster whose REST API"
          + " serves HTTPS yet (" + SecurityOptions.REST_ENABLED.key() + " is true): start 'spate jobmanager'"
          + " under a process supervisor instead, and reach it with 'spate list -m <host:port> -D "
          + SecurityOptions.REST_ENABLED.key() + "=true -D security.ssl.rest.truststore=...'.");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClusterFiles files = ClusterFiles.of(conf);
    Optional<Long> pid = files.pid();
    if (pid.isPresent()) {
      if (JobManagerProcess.find(pid.get()).isPresent()) {
        err.println("A JobManager is already running (pid " + pid.get() + ", REST API at "
            + files.address().orElse("unknown address") + "); nothing was started. Stop it with 'spate cluster stop'.");
        return 1;
      }
      files.clear();
      out.println("Removed the stale pid file " + files.pidFile() + ": process " + pid.get() + " is gone.");
    } else if (Files.exists(files.pidFile())) {
      files.clear();
      out.println("Removed the malformed pid file " + files.pidFile() + ".");
    }
    Files.createDirectories(files.logDir());
    SpateProcesses.removeLeftOptionsFiles(files.logDir());
    childOptions = new LinkedHashMap<>(options.overrides());
    Optional<Path> secret = GeneratedClusterSecret.createIfNeeded(conf, files.secretFile());
    if (secret.isPresent()) {
      childOptions.put(SecurityOptions.INTERNAL_SECRET_FILE.key(), secret.get().toString());
      out.println("Made the cluster secret " + secret.get() + " (" + SecurityOptions.INTERNAL_SECRET_FILE.key()
          + "), with which the cluster's processes authenticate each other; a TaskManager started by hand needs"
          + " -D " + SecurityOptions.INTERNAL_SECRET_FILE.key() + "=" + secret.get() + ".");
    }
    authorization = ClusterStatusCommand.authorization(conf);
    Files.deleteIfExists(files.addressFile());
    Files.deleteIfExists(files.rpcAddressFile());
    removeStaleTaskManagerPidFiles(files, out);
    for (Path standby : files.standbyPidFiles().values()) {
      Files.deleteIfExists(standby);
    }
    // The TaskExecutors run in TaskManager processes of their own, started once the JobManager answers.
    Process process = launch(List.of("jobmanager", "--address-file", files.addressFile().toString(),
        "--rpc-address-file", files.rpcAddressFile().toString(),
        "-D", ClusterProcessOptions.TASK_EXECUTORS.key() + "=0"), files.logFile());
    Files.writeString(files.pidFile(), process.pid() + System.lineSeparator(), StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + conf.get(ClusterProcessOptions.START_TIMEOUT).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        files.clear();
        err.println("The JobManager exited with status " + process.exitValue() + " while starting; its log "
            + files.logFile() + " ends with:");
        err.println(tail(files.logFile(), 15));
        return 1;
      }
      Optional<String> address = files.address();
      if (address.isPresent() && client(address.get()).isHealthy()) {
        out.println("Started the JobManager (pid " + process.pid() + "); REST API at http://" + address.get()
            + ". Log: " + files.logFile());
        startStandbys(files, out);
        return startTaskManagers(conf, files, address.get(), deadline, out, err) ? 0 : 1;
      }
      Thread.sleep(POLL_MILLIS);
    }
    process.destroy();
    files.clear();
    err.println("The JobManager's REST API did not answer within " + conf.get(ClusterProcessOptions.START_TIMEOUT)
        .toSeconds() + " s (" + ClusterProcessOptions.START_TIMEOUT.key() + "); it was stopped. See its log "
        + files.logFile() + ".");
    return 1;
  }

  /**
   * Starts the standby JobManagers, once the first one leads: they write the address files when they
   * take over, so that the cluster commands find the new leader.
   */
  private void startStandbys(ClusterFiles files, PrintWriter out) throws IOException {
    for (int i = 1; i < jobManagers; i++) {
      Process standby = launch(List.of("jobmanager", "--address-file", files.addressFile().toString(),
          "--rpc-address-file", files.rpcAddressFile().toString(),
          "-D", ClusterProcessOptions.TASK_EXECUTORS.key() + "=0"), files.standbyLogFile(i));
      Files.writeString(files.standbyPidFile(i), standby.pid() + System.lineSeparator(), StandardCharsets.UTF_8);
      out.println("Started standby JobManager " + i + " (pid " + standby.pid() + "). Log: " + files.standbyLogFile(i));
    }
  }

  /** Removes TaskManager pid files whose process is gone; a live one means a cluster runs. */
  private static void removeStaleTaskManagerPidFiles(ClusterFiles files, PrintWriter out) throws IOException {
    for (Path pidFile : files.taskManagerPidFiles().values()) {
      Optional<Long> pid = ClusterFiles.pidIn(pidFile);
      if (pid.isEmpty() || JobManagerProcess.findTaskManager(pid.get()).isEmpty()) {
        Files.deleteIfExists(pidFile);
        out.println("Removed the stale pid file " + pidFile + ".");
      }
    }
  }

  /**
   * Starts the TaskManager processes, which join the JobManager at the RPC address it wrote, and waits
   * until all registered; on failure stops every process it started and says why.
   */
  private boolean startTaskManagers(Configuration conf, ClusterFiles files, String restAddress, long deadline,
      PrintWriter out, PrintWriter err) throws Exception {
    String rpcAddress = ClusterFiles.read(files.rpcAddressFile()).orElse(null);
    List<Process> started = new ArrayList<>();
    String failure = null;
    if (rpcAddress == null) {
      failure = "The JobManager wrote no RPC address to " + files.rpcAddressFile();
    } else {
      int slots = conf.get(ClusterProcessOptions.SESSION_SLOTS);
      for (int i = 0; i < taskManagers; i++) {
        // In a highly available cluster TaskManagers follow whichever JobManager leads.
        List<String> arguments = HighAvailabilityOptions.isZooKeeper(conf)
            ? List.of("taskmanager", "--slots", String.valueOf(slots))
            : List.of("taskmanager", "--jobmanager", rpcAddress, "--slots", String.valueOf(slots));
        Process taskManager = launch(arguments, files.taskManagerLogFile(i));
        started.add(taskManager);
        Files.writeString(files.taskManagerPidFile(i), taskManager.pid() + System.lineSeparator(),
            StandardCharsets.UTF_8);
      }
      failure = awaitRegistrations(files, restAddress, started, deadline);
    }
    if (failure == null) {
      out.println("Started " + taskManagers + " TaskManager(s) (pids " + started.stream().map(p -> String.valueOf(
          p.pid())).collect(java.util.stream.Collectors.joining(", ")) + "), joined at " + rpcAddress + ". Logs: "
          + files.taskManagerLogFile(0).getParent() + "/spate-taskmanager-<n>.log");
      return true;
    }
    err.println(failure + "; the cluster was stopped.");
    for (int i = 0; i < started.size(); i++) {
      started.get(i).destroyForcibly();
      Files.deleteIfExists(files.taskManagerPidFile(i));
    }
    for (Path standby : files.standbyPidFiles().values()) {
      ClusterFiles.pidIn(standby).flatMap(JobManagerProcess::find).ifPresent(ProcessHandle::destroy);
      Files.deleteIfExists(standby);
    }
    files.pid().flatMap(JobManagerProcess::find).ifPresent(ProcessHandle::destroy);
    files.clear();
    return false;
  }

  private String awaitRegistrations(ClusterFiles files, String restAddress, List<Process> started, long deadline)
      throws Exception {
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < started.size(); i++) {
        if (!started.get(i).isAlive()) {
          return "TaskManager " + i + " exited with status " + started.get(i).exitValue() + " while starting; its log "
              + files.taskManagerLogFile(i) + " ends with:" + System.lineSeparator()
              + tail(files.taskManagerLogFile(i), 15);
        }
      }
      try {
        if (client(restAddress).listTaskManagers().size() >= started.size()) {
          return null;
        }
      } catch (RestClientException e) {
        if (e.isAuthenticationRequired()) {
          String message = e.getMessage();
          return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        }
        // not answering yet: poll again
      }
      Thread.sleep(POLL_MILLIS);
    }
    return "Not every TaskManager registered with the JobManager within the start timeout ("
        + ClusterProcessOptions.START_TIMEOUT.key() + ")";
  }

  private Process launch(List<String> spateArguments, Path logFile) throws IOException {
    return SpateProcesses.launch(spateArguments, logFile, options.configFile(), childOptions,
        "spate cluster start");
  }

  /** A client of the REST API at {@code address} with the cluster's own credentials. */
  private RestClusterClient client(String address) {
    int colon = address.lastIndexOf(':');
    return new RestClusterClient(address.substring(0, colon).replace("[", "").replace("]", ""),
        Integer.parseInt(address.substring(colon + 1)), authorization);
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

}
