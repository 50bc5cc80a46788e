package io.spate.runtime.metrics;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.View;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.api.metrics.reporter.Scheduled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the metric groups of one process register their metrics: tells the configured reporters of
 * every metric added and removed, asks scheduled reporters to report, and updates the {@link View}s
 * (meters) every {@link View#UPDATE_INTERVAL_SECONDS} seconds. Reporters and views run on one daemon
 * thread of the registry, started with the first scheduled reporter or view. A reporter that throws
 * is logged and goes on being called; it never reaches the code that registered the metric.
 */
public final class MetricRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);

  private final char delimiter;
  private final ScopeFormats scopeFormats;
  private final List<StartedReporter> reporters = new ArrayList<>();
  private final Set<View> views = ConcurrentHashMap.newKeySet();
  // Guards the reporters' notifications, so that each reporter gets one at a time, and the executor's start.
  private final Object lock = new Object();
  private ScheduledExecutorService executor;
  private boolean viewsScheduled;
  private volatile boolean closed;

  private record StartedReporter(String name, MetricReporter reporter) {}

  /**
   * A registry that reports nothing: metrics registered in it are kept working (meters are updated)
   * but no reporter sees them. For embedded roles started without a configuration.
   */
  public static MetricRegistry withoutReporters() {
    return new MetricRegistry(new Configuration());
  }

  /**
   * A registry configured by {@code conf} ({@code metrics.*}), with reporter factories found on this
   * class's class loader.
   *
   * @throws IllegalConfigurationException if a scope format, the delimiter or a reporter's setup is malformed
   */
  public MetricRegistry(Configuration conf) {
    this(conf, ReporterSetup.fromConfiguration(conf, MetricRegistry.class.getClassLoader()));
  }

  /**
   * A registry configured by {@code conf} ({@code metrics.scope.*}) that starts {@code setups}. A
   * reporter that cannot be created or opened is logged and left out.
   */
  public MetricRegistry(Configuration conf, List<ReporterSetup> setups) {
    String delimiterValue = conf.get(MetricOptions.SCOPE_DELIMITER);
    if (delimiterValue == null || delimiterValue.length() != 1) {
      throw new IllegalConfigurationException("Option '" + MetricOptions.SCOPE_DELIMITER.key()
          + "' must be a single character; got '" + delimiterValue + "'.");
    }
    this.delimiter = delimiterValue.charAt(0);
    this.scopeFormats = ScopeFormats.from(conf);
    for (ReporterSetup setup : setups) {
      start(setup);
    }
  }

  private void start(ReporterSetup setup) {
    MetricReporter reporter;
    try {
      reporter = setup.factory().createMetricReporter(setup.config());
      reporter.open(setup.config());
    } catch (RuntimeException | LinkageError e) {
      LOG.error("Metric reporter '{}' ({}) could not be started and does not report: {}", setup.name(),
          setup.factory().getClass().getName(), e.toString(), e);
      return;
    }
    reporters.add(new StartedReporter(setup.name(), reporter));
    if (reporter instanceof Scheduled scheduled) {
      long millis = setup.interval().toMillis();
      executor().scheduleWithFixedDelay(() -> report(setup.name(), scheduled), millis, millis,
          TimeUnit.MILLISECONDS);
    }
    LOG.info("Metric reporter '{}' ({}) started{}", setup.name(), reporter.getClass().getName(),
        reporter instanceof Scheduled ? ", reporting every " + setup.interval() : "");
  }

  private ScheduledExecutorService executor() {
    synchronized (lock) {
      if (executor == null) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "spate-metric-registry");
          thread.setDaemon(true);
          return thread;
        });
      }
      return executor;
    }
  }

  private static void report(String name, Scheduled reporter) {
    try {
      reporter.report();
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Metric reporter '{}' failed to report: {}", name, e.toString(), e);
    }
  }

  /** The character between the parts of a metric identifier. */
  public char getDelimiter() {
    return delimiter;
  }

  /** The scope formats of the metric groups. */
  public ScopeFormats getScopeFormats() {
    return scopeFormats;
  }

  /** How many reporters run. */
  public int getNumberReporters() {
    return reporters.size();
  }

  /** Tells the reporters that {@code metric} was registered as {@code name} in {@code group}. */
  public void register(Metric metric, String name, MetricGroup group) {
    if (metric instanceof View view && !closed) {
      views.add(view);
      scheduleViewUpdates();
    }
    synchronized (lock) {
      if (closed) {
        return;
      }
      for (StartedReporter r : reporters) {
        try {
          r.reporter().notifyOfAddedMetric(metric, name, group);
        } catch (RuntimeException | LinkageError e) {
          LOG.warn("Metric reporter '{}' failed on the added metric {}: {}", r.name(),
              group.getMetricIdentifier(name), e.toString(), e);
        }
      }
    }
  }

  /** Tells the reporters that {@code metric}, registered as {@code name} in {@code group}, is gone. */
  public void unregister(Metric metric, String name, MetricGroup group) {
    if (metric instanceof View view) {
      views.remove(view);
    }
    synchronized (lock) {
      if (closed) {
        return;
      }
      for (StartedReporter r : reporters) {
        try {
          r.reporter().notifyOfRemovedMetric(metric, name, group);
        } catch (RuntimeException | LinkageError e) {
          LOG.warn("Metric reporter '{}' failed on the removed metric {}: {}", r.name(),
              group.getMetricIdentifier(name), e.toString(), e);
        }
      }
    }
  }

  private void scheduleViewUpdates() {
    synchronized (lock) {
      if (viewsScheduled || closed) {
        return;
      }
      viewsScheduled = true;
      executor().scheduleWithFixedDelay(this::updateViews, View.UPDATE_INTERVAL_SECONDS,
          View.UPDATE_INTERVAL_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void updateViews() {
    for (View view : views) {
      try {
        view.update();
      } catch (RuntimeException e) {
        LOG.warn("Updating metric view {} failed: {}", view, e.toString(), e);
      }
    }
  }

  /** The number of views (meters) the registry updates, for tests. */
  int numberOfViews() {
    return views.size();
  }

  /** Stops the registry's thread and closes the reporters; metrics registered later are not reported. */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      running = executor;
    }
    views.clear();
    if (running != null) {
      // Stopped first, so that no report() runs while or after its reporter closes.
      running.shutdownNow();
      try {
        running.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (lock) {
      for (StartedReporter r : reporters) {
        try {
          r.reporter().close();
        } catch (RuntimeException | LinkageError e) {
          LOG.warn("Metric reporter '{}' failed to close: {}", r.name(), e.toString(), e);
        }
      }
    }
  }
}
