package io.spate.bench;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.taskexecutor.TaskManagerRunner;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The main class of a TaskManager process that {@link ProcessCluster} starts: a TaskManager of the
 * benchmark's class path, so that the benchmark jobs' classes need no jar upload. It runs until its
 * standard input ends, which happens when the benchmark closes it or dies.
 *
 * <pre>
 * java -cp spate-bench.jar io.spate.bench.BenchTaskManager host:port/resourcemanager slots [key=value ...]
 * </pre>
 */
public final class BenchTaskManager {

  // A TaskManager that somehow outlives its benchmark still ends: no benchmark runs this long.
  private static final long MAX_LIFETIME_MILLIS = 3 * 60 * 60 * 1000L;

  private BenchTaskManager() {}

  /** Starts the TaskManager; see the class comment. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: BenchTaskManager <host:port/resourcemanager> <slots> [key=value ...]");
      System.exit(2);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        System.err.println("BenchTaskManager: expected key=value, got '" + args[i] + "'");
        System.exit(2);
      }
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    Configuration conf = ProcessCluster.configuration(settings);
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(MAX_LIFETIME_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      System.err.println("BenchTaskManager: exceeded its maximum lifetime; exiting");
      Runtime.getRuntime().halt(3);
    }, "bench-taskmanager-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try (TaskManagerRunner runner = TaskManagerRunner.start(conf, args[0], Integer.parseInt(args[1]))) {
      System.out.println("BenchTaskManager pid " + ProcessHandle.current().pid() + ": TaskExecutor "
          + runner.taskExecutor().externalAddress() + ", data plane " + runner.taskExecutor().dataAddress());
      System.out.flush();
      InputStream in = System.in;
      byte[] buffer = new byte[64];
      while (in.read(buffer) >= 0) {
        // nothing is sent; only the end of the stream matters
      }
    }
    System.exit(0);
  }
}
