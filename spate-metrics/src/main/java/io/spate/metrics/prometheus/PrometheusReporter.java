package io.spate.metrics.prometheus;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.CharacterFilter;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.reporter.MetricConfig;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.metrics.MetricType;
import io.spate.metrics.PortRange;
import io.spate.metrics.ReporterScope;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the metrics of its process for Prometheus to scrape, on {@code /metrics} of the first free
 * port of option {@code port} (default 9249; a range such as {@code 9250-9260} lets several processes
 * on one host start). A metric is named {@code spate_} followed by its group's logical scope and its
 * name, joined by {@code _}, with characters outside {@code [a-zA-Z0-9:_]} replaced by {@code _}
 * ({@code spate_taskmanager_job_task_operator_numRecordsIn}); the group's variables are its labels
 * ({@code job_id}, {@code task_name}, {@code subtask_index}...), so the metric of every subtask is
 * one series of one family. Counters, meters (their rate) and gauges with a number or boolean
 * value are Prometheus gauges; histograms are summaries with the quantiles 0.5, 0.75, 0.95, 0.98,
 * 0.99 and 0.999. Option {@code filterLabelValueCharacters} (default true) replaces the characters
 * of label values outside {@code [a-zA-Z0-9:_]} as well.
 */
@PublicEvolving
public class PrometheusReporter implements MetricReporter {

  private static final Logger LOG = LoggerFactory.getLogger(PrometheusReporter.class);

  /** Option: the port, ports or port ranges to listen on. */
  public static final String PORT = "port";
  /** The port Prometheus's reporter listens on by default, as Flink's. */
  public static final String DEFAULT_PORT = "9249";
  /** Option: whether label values are filtered to {@code [a-zA-Z0-9:_]}. */
  public static final String FILTER_LABEL_VALUE_CHARACTERS = "filterLabelValueCharacters";

  /** Replaces every character Prometheus does not take in a metric or label name by {@code _}. */
  static final CharacterFilter CHARACTER_FILTER = PrometheusReporter::replaceInvalidCharacters;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final MetricFamilies families = new MetricFamilies();
  private ReporterScope scope;
  private CharacterFilter labelValueFilter;
  private HTTPServer server;

  @Override
  public void open(MetricConfig config) {
    scope = ReporterScope.from(config);
    labelValueFilter = config.getBoolean(FILTER_LABEL_VALUE_CHARACTERS, true) ? CHARACTER_FILTER : CharacterFilter.NO_OP;
    PortRange ports = PortRange.parse(PORT, config.getString(PORT, DEFAULT_PORT));
    registry.register(families);
    IOException last = null;
    for (int port : ports.ports()) {
      try {
        server = startServer(port);
        LOG.info("Prometheus reporter serves metrics on port {} (option '{}': {})", server.getPort(), PORT, ports);
        return;
      } catch (IOException e) {
        last = e;
        LOG.debug("Prometheus reporter cannot listen on port {}: {}", port, e.toString());
      }
    }
    throw new IllegalStateException("Prometheus reporter found no free port in option '" + PORT + "' (" + ports
        + "): " + (last == null ? "no port given" : last.toString()), last);
  }

  /**
   * Starts the endpoint on {@code port}. The JDK's HTTP server starts its dispatcher thread as a daemon
   * only if the starting thread is one, and a non-daemon thread would keep a process whose registry is
   * never closed from ending: so it is started from a daemon thread of its own.
   */
  private HTTPServer startServer(int port) throws IOException {
    HTTPServer[] started = new HTTPServer[1];
    IOException[] failed = new IOException[1];
    Thread starter = new Thread(() -> {
      try {
        started[0] = HTTPServer.builder().port(port).registry(registry).buildAndStart();
      } catch (IOException e) {
        failed[0] = e;
      }
    }, "spate-prometheus-reporter-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while starting the Prometheus endpoint on port " + port, e);
    }
    if (failed[0] != null) {
      throw failed[0];
    }
    return started[0];
  }

  /** The port the endpoint listens on, or -1 before {@link #open} and after {@link #close}. */
  public int getPort() {
    HTTPServer s = server;
    return s == null ? -1 : s.getPort();
  }

  @Override
  public void close() {
    HTTPServer s = server;
    server = null;
    if (s != null) {
      s.close();
    }
    registry.unregister(families);
  }

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    if (!scope.accepts(metric, metricName, group)) {
      return;
    }
    String name = familyName(group, metricName);
    String help = metricName + " (scope: " + String.join(".", ReporterScope.logicalScope(group)) + ")";
    if (!families.add(name, help, MetricType.of(metric), labels(group), metric)) {
      LOG.debug("Prometheus reporter leaves out {} of group {}: a metric of that name and labels is reported"
          + " already, or one of another type", name, group);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    if (scope.accepts(metric, metricName, group)) {
      families.remove(familyName(group, metricName), labels(group), metric);
    }
  }

  /** The name of the family {@code metricName} of {@code group} belongs to. */
  static String familyName(MetricGroup group, String metricName) {
    StringBuilder sb = new StringBuilder("spate");
    for (String component : ReporterScope.logicalScope(group)) {
      sb.append('_').append(CHARACTER_FILTER.filterCharacters(component));
    }
    return sb.append('_').append(CHARACTER_FILTER.filterCharacters(metricName)).toString();
  }

  private Map<String, String> labels(MetricGroup group) {
    Map<String, String> labels = new java.util.TreeMap<>();
    scope.variables(group).forEach((key, value) ->
        labels.put(CHARACTER_FILTER.filterCharacters(key), labelValueFilter.filterCharacters(value)));
    return labels;
  }

  /** {@code input} with every character outside {@code [a-zA-Z0-9:_]} replaced by {@code _}. */
  static String replaceInvalidCharacters(String input) {
    char[] chars = null;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      boolean valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_';
      if (!valid) {
        if (chars == null) {
          chars = input.toCharArray();
        }
        chars[i] = '_';
      }
    }
    return chars == null ? input : new String(chars);
  }
}
