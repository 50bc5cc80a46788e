package io.spate.cli;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The shared fixture of the web UI's browser tests: one headless Chromium for every browser test class
 * of the JVM, and one session cluster ({@link #TASK_MANAGERS} TaskManagers of {@link #SLOTS} slots, with a
 * savepoint directory) for the classes that need no cluster configuration of their own. A class extends
 * with this and asks for a {@link HeadlessChromium} and, if it uses the shared cluster, a
 * {@link WebUiCluster} as parameters of its {@code @BeforeAll} method; the first class to ask starts
 * each, the end of the JVM (the surefire fork) stops them. After each class the browser leaves the class's pages (so
 * they stop polling a cluster that may be gone) and the shared cluster's jobs that have not ended are
 * cancelled, so the next class finds both idle. One browser serves one test at a time: the classes
 * take turns through {@link #LOCK}.
 */
final class SharedWebUi implements ParameterResolver, AfterAllCallback {

  /** The {@code @ResourceLock} of every class that uses this fixture. */
  static final String LOCK = "io.spate.cli.SharedWebUi";
  static final int TASK_MANAGERS = 2;
  static final int SLOTS = 16;

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedWebUi.class);

  // Kept per JVM, not in JUnit's root store: with more than one fork, surefire runs each class in a
  // launcher request of its own, and the root store would close at the end of every class.
  private static Browser browser;
  private static Cluster cluster;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == HeadlessChromium.class || type == WebUiCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == HeadlessChromium.class) {
      return browser().chromium;
    }
    context.getStore(NAMESPACE).put(UsesCluster.class, UsesCluster.YES);
    return cluster().cluster;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Browser startedBrowser;
    Cluster startedCluster;
    synchronized (SharedWebUi.class) {
      startedBrowser = browser;
      startedCluster = cluster;
    }
    if (startedBrowser != null) {
      startedBrowser.chromium.driver().get("about:blank");
    }
    if (startedCluster != null && context.getStore(NAMESPACE).get(UsesCluster.class) != null) {
      startedCluster.cluster.cancelAllJobs(Duration.ofSeconds(60));
    }
  }

  private static synchronized Browser browser() {
    if (browser == null) {
      browser = Browser.start();
      closeAtExit("the shared headless Chromium", browser);
    }
    return browser;
  }

  private static synchronized Cluster cluster() {
    if (cluster == null) {
      cluster = Cluster.start();
      closeAtExit("the shared web UI cluster", cluster);
    }
    return cluster;
  }

  private static void closeAtExit(String what, AutoCloseable resource) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("Could not close " + what + ": " + e);
      }
    }, "close " + what));
  }

  /** Marks, in a class's store, that the class was given the shared cluster. */
  private enum UsesCluster { YES }

  /** The shared browser, quit when the JVM ends. */
  private record Browser(HeadlessChromium chromium) implements AutoCloseable {

    static Browser start() {
      try {
        return new Browser(HeadlessChromium.start());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the shared headless Chromium", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while starting the shared headless Chromium", e);
      }
    }

    @Override
    public void close() throws IOException {
      chromium.close();
    }
  }

  /** The shared cluster and its directory (jars, savepoints) under {@code target/}, closed when the JVM ends. */
  private record Cluster(WebUiCluster cluster, Path dir) implements AutoCloseable {

    static Cluster start() {
      try {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "web-ui-cluster-");
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, dir.resolve("savepoints").toString());
        return new Cluster(WebUiCluster.start(dir, TASK_MANAGERS, SLOTS, conf, null), dir);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the shared web UI cluster", e);
      }
    }

    @Override
    public void close() throws IOException {
      cluster.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }
}
