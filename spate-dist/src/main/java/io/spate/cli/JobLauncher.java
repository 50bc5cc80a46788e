package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.examples.UsageException;
import java.io.PrintWriter;

/**
 * Runs a job program in this JVM the way the CLI promises: its environment gets the CLI's settings,
 * its class loader and a progress line, and whatever it throws becomes an exit code and one
 * paragraph on standard error.
 */
final class JobLauncher {

  /** A job program's entry point, such as a reflective call of its {@code main}. */
  @FunctionalInterface
  interface Program {
    void run() throws Exception;
  }

  private final PrintWriter out;
  private final PrintWriter err;

  JobLauncher(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs {@code program} with {@code settings} as the base configuration of every environment it
   * creates and {@code userClassLoader} as the loader of its code; returns the exit code.
   */
  int launch(Program program, Configuration settings, ClassLoader userClassLoader) {
    ProgressDisplay progress = ProgressDisplay.forConsole();
    JobAnnouncer announcer = new JobAnnouncer(err);
    StreamExecutionEnvironment.initializeContextEnvironment(programConfiguration -> {
      Configuration merged = restDefaults();
      merged.addAll(settings);
      merged.addAll(programConfiguration);
      return new ContextEnvironment(merged, userClassLoader, progress, announcer);
    });
    Thread thread = Thread.currentThread();
    ClassLoader previousLoader = thread.getContextClassLoader();
    thread.setContextClassLoader(userClassLoader);
    try {
      program.run();
      return 0;
    } catch (UsageException usage) {
      return reportUsage(usage);
    } catch (Throwable failure) {
      if (progress != null) {
        progress.close();
      }
      err.println(FailureMessage.describe(failure));
      return 1;
    } finally {
      if (progress != null) {
        progress.close();
      }
      thread.setContextClassLoader(previousLoader);
      StreamExecutionEnvironment.resetContextEnvironment();
      announcer.awaitClustersStopped();
      out.flush();
      err.flush();
    }
  }

  /** Jobs under the CLI serve the REST API on the first free port from 8081, so several can run at once. */
  private static Configuration restDefaults() {
    Configuration defaults = new Configuration();
    defaults.set(RestOptions.LOCAL_ENABLED, true);
    defaults.set(RestOptions.BIND_PORT, "8081-8180");
    return defaults;
  }

  private int reportUsage(UsageException usage) {
    if (usage.isHelpRequest()) {
      out.println(usage.usage());
      return 0;
    }
    err.println(usage.getMessage());
    err.println();
    err.println(usage.usage());
    return 2;
  }
}
