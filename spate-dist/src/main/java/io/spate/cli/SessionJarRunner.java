package io.spate.cli;

import io.spate.runtime.classloading.ChildFirstClassLoader;
import io.spate.api.common.JobClient;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.datastream.StreamExecutionEnvironmentFactory;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.rest.JarRunRequest;
import io.spate.runtime.rest.JarRunner;
import io.spate.runtime.rest.RestException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an uploaded jar's main method in the JobManager, on a thread of its own, with a child-first
 * class loader of the jar that is closed (and so can be collected) once the main method has returned
 * and every job it submitted has ended.
 */
final class SessionJarRunner implements JarRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SessionJarRunner.class);
  private static final long SUBMISSION_TIMEOUT_SECONDS = 60;
  private static final AtomicInteger PROGRAMS = new AtomicInteger();

  private final MiniCluster cluster;
  private final Configuration clusterConfiguration;
  // The class loader of the latest program, for tests that check it is released.
  volatile java.lang.ref.WeakReference<ClassLoader> latestLoader = new java.lang.ref.WeakReference<>(null);

  SessionJarRunner(MiniCluster cluster, Configuration clusterConfiguration) {
    this.cluster = cluster;
    this.clusterConfiguration = new Configuration(clusterConfiguration);
  }

  @Override
  public String run(Path jar, JarRunRequest request) throws Exception {
    // Stored jars are named <32 hex digits>_<uploaded name>; messages show the uploaded name.
    String jarName = jar.getFileName().toString().replaceFirst("^[0-9a-f]{32}_", "");
    String className = request.entryClass() != null ? request.entryClass() : manifestMainClass(jar, jarName);
    // The jar's calls of System.exit throw instead: they would end this JobManager and all its jobs.
    ChildFirstClassLoader loader = new ChildFirstClassLoader(new URL[] {jar.toUri().toURL()},
        SessionJarRunner.class.getClassLoader(), new ExitCallRewriter());
    latestLoader = new java.lang.ref.WeakReference<>(loader);
    Method main;
    Configuration settings;
    try {
      main = findMain(loader, className, jarName);
      settings = settings(request);
      checkSnapshot(request.savepointPath());
    } catch (RuntimeException e) {
      loader.close(); // nothing runs: the jar must not stay open
      throw e;
    }
    CompletableFuture<String> firstJob = new CompletableFuture<>();
    List<JobClient> submitted = new CopyOnWriteArrayList<>();
    String[] args = request.programArgs().toArray(new String[0]);
    Path jarPath = jar.toAbsolutePath();
    Thread program = new Thread(() -> runProgram(main, args, loader, settings, submitted, firstJob, className,
        jarPath),
        "spate-program-" + PROGRAMS.incrementAndGet());
    program.setDaemon(true);
    program.start();
    try {
      return firstJob.get(SUBMISSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new RestException(504, "The main method of " + className + " did not submit a job within "
          + SUBMISSION_TIMEOUT_SECONDS + " s; it keeps running.");
    }
  }

  private void runProgram(Method main, String[] args, ChildFirstClassLoader loader, Configuration settings,
      List<JobClient> submitted, CompletableFuture<String> firstJob, String className, Path jarPath) {
    Thread thread = Thread.currentThread();
    thread.setContextClassLoader(loader);
    StreamExecutionEnvironment.initializeThreadContextEnvironment(programEnvironments(settings, loader, cluster,
        jarPath, client -> {
          submitted.add(client);
          firstJob.complete(client.getJobID().toString());
        }));
    try {
      main.invoke(null, (Object) args);
      firstJob.completeExceptionally(badRequest("The main method of " + className
          + " returned without submitting a job."));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      BlockedExit.ExitAttempt exit = exitAttempt(cause);
      if (exit != null) {
        LOG.warn("The main method of {} called {}({}); the JobManager goes on running", className, exit.call(),
            exit.status());
        firstJob.completeExceptionally(badRequest("The main method of " + className + " called " + exit.call()
            + "(" + exit.status() + ")" + (firstJob.isDone() ? "" : " before it submitted a job") + ", which would"
            + " end the session JobManager and every job in it: it was stopped there. Return from main instead."));
        return;
      }
      if (firstJob.isDone()) {
        // Typically execute() reporting that its job was cancelled or failed; the job's own history has more.
        LOG.info("The main method of {} ended with: {}", className, String.valueOf(cause));
      } else {
        LOG.warn("The main method of {} failed", className, cause);
      }
      firstJob.completeExceptionally(badRequest("The main method of " + className + " failed before it"
          + " submitted a job: " + FailureMessage.describe(cause)));
    } catch (Throwable e) {
      firstJob.completeExceptionally(badRequest("The main method of " + className + " cannot run: " + e));
    } finally {
      StreamExecutionEnvironment.resetThreadContextEnvironment();
      thread.setContextClassLoader(SessionJarRunner.class.getClassLoader());
      for (JobClient client : submitted) {
        try {
          client.getJobExecutionResult().handle((r, e) -> null).join();
        } catch (RuntimeException ignored) {
          // The job ended either way.
        }
      }
      submitted.clear();
      try {
        loader.close();
      } catch (IOException e) {
        LOG.warn("Cannot close the class loader of {}", className, e);
      }
    }
  }

  /**
   * The environments of a program of {@code jar} whose jobs run on {@code cluster}: {@code settings}
   * under the program's own, and the jar first in {@code pipeline.jars}, since TaskExecutors in other
   * processes fetch the job's code from its JobMaster.
   */
  static StreamExecutionEnvironmentFactory programEnvironments(Configuration settings, ClassLoader loader,
      MiniCluster cluster, Path jar, java.util.function.Consumer<JobClient> onSubmitted) {
    return programConfiguration -> {
      Configuration merged = new Configuration(settings);
      merged.addAll(programConfiguration);
      List<String> jars = new ArrayList<>();
      jars.add(jar.toString());
      CoreOptions.jars(programConfiguration).stream().filter(j -> !jars.contains(j)).forEach(jars::add);
      CoreOptions.setJars(merged, jars);
      return new SessionEnvironment(merged, loader, cluster, onSubmitted);
    };
  }

  /**
   * Reads the metadata of the snapshot the job is to start from, as its JobMaster will, so that a
   * missing or unreadable one fails the submission (a 400 the CLI prints) rather than the job later.
   */
  private static void checkSnapshot(String savepointPath) {
    if (savepointPath == null) {
      return;
    }
    try {
      CheckpointPaths.loadResolved(savepointPath);
    } catch (IOException | RuntimeException e) {
      String reason = e instanceof java.nio.file.NoSuchFileException
          ? "there is no checkpoint or savepoint at this path"
          : String.valueOf(e.getMessage());
      throw badRequest("Cannot restore from " + savepointPath + ": " + reason + ".");
    }
  }

  /** The exit attempt in the cause chain of {@code failure}, if any. */
  private static BlockedExit.ExitAttempt exitAttempt(Throwable failure) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof BlockedExit.ExitAttempt exit) {
        return exit;
      }
    }
    return null;
  }

  private static RestException badRequest(String message) {
    return new RestException(400, message);
  }

  private Configuration settings(JarRunRequest request) {
    Configuration settings = new Configuration(clusterConfiguration);
    if (request.parallelism() != null) {
      settings.set(CoreOptions.DEFAULT_PARALLELISM, request.parallelism());
    }
    if (request.savepointPath() != null) {
      settings.set(SavepointOptions.SAVEPOINT_PATH, request.savepointPath());
      settings.set(SavepointOptions.ALLOW_NON_RESTORED_STATE, request.allowNonRestoredState());
      if (request.restoreMode() != null) {
        settings.set(SavepointOptions.RESTORE_MODE, request.restoreMode());
      }
    } else if (request.allowNonRestoredState()) {
      throw new RestException(400, "allowNonRestoredState only applies with a savepointPath.");
    } else if (request.restoreMode() != null) {
      throw new RestException(400, "restoreMode only applies with a savepointPath.");
    }
    return settings;
  }

  private static String manifestMainClass(Path jar, String jarName) {
    String name;
    try {
      name = JobEntryPoint.manifestMainClass(jar);
    } catch (IOException e) {
      throw new RestException(400, "Cannot read the jar " + jarName + ": " + e.getMessage());
    }
    if (name == null) {
      throw new RestException(400, "The jar " + jarName + " names no Main-Class in its manifest: give the"
          + " entry class with 'entryClass'.");
    }
    return name;
  }

  private static Method findMain(ClassLoader loader, String className, String jarName) {
    try {
      return JobEntryPoint.mainMethod(loader, className);
    } catch (JobEntryPoint.NotRunnable e) {
      throw new RestException(400, switch (e.problem) {
        case NOT_FOUND -> "The entry class " + className + " was not found in the jar " + jarName + ".";
        case NOT_LOADABLE -> "The entry class " + className + " in " + jarName + " cannot be loaded: " + e.getCause();
        case NO_MAIN -> "The entry class " + className + " has no 'public static void main(String[])' method.";
      });
    }
  }
}
