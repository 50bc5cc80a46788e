package io.spate.metrics.jmx;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.metrics.Metric;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.reporter.MetricConfig;
import io.spate.api.metrics.reporter.MetricReporter;
import io.spate.metrics.PortRange;
import io.spate.metrics.ReporterScope;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers one MBean per metric in the platform MBean server, as Flink's JMX reporter does. The
 * MBean's domain is {@code io.spate.} followed by the group's logical scope and the metric's name
 * ({@code io.spate.taskmanager.job.task.operator.numRecordsIn}), its key properties are the group's
 * variables ({@code job_id=...,subtask_index=0,...}). Counters have the attribute {@code Count},
 * gauges {@code Value}, meters {@code Rate} and {@code Count}, histograms their statistics. With
 * option {@code port} (a port or a range such as {@code 9020-9040}) the reporter also starts a JMX
 * connector server on the first free port, at
 * {@code service:jmx:rmi://<host>:<port>/jndi/rmi://<host>:<port>/jmxrmi}.
 */
@PublicEvolving
public class JMXReporter implements MetricReporter {

  private static final Logger LOG = LoggerFactory.getLogger(JMXReporter.class);

  /** Option: the port or ports of the JMX connector server; none is started without it. */
  public static final String PORT = "port";
  /** The first part of every MBean's domain. */
  public static final String DOMAIN_PREFIX = "io.spate.";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  // The MBeans this reporter registered and their metrics, so that it unregisters only its own.
  private final Map<ObjectName, Metric> registered = new ConcurrentHashMap<>();
  private ReporterScope scope;
  private Registry rmiRegistry;
  private JMXConnectorServer connectorServer;
  private int port = -1;

  @Override
  public void open(MetricConfig config) {
    scope = ReporterScope.from(config);
    String ports = config.getString(PORT, null);
    if (ports != null && !ports.isBlank()) {
      startConnectorServer(PortRange.parse(PORT, ports));
    }
  }

  private void startConnectorServer(PortRange ports) {
    Exception last = null;
    for (int candidate : ports.ports()) {
      Registry registry = null;
      try {
        registry = LocateRegistry.createRegistry(candidate);
        JMXServiceURL url = serviceUrl("localhost", candidate);
        JMXConnectorServer connector = JMXConnectorServerFactory.newJMXConnectorServer(url, null, server);
        connector.start();
        rmiRegistry = registry;
        connectorServer = connector;
        port = candidate;
        LOG.info("JMX reporter: connector server listens on port {} (option '{}': {}), at {}", candidate, PORT, ports,
            url);
        return;
      } catch (IOException e) {
        last = e;
        unexport(registry);
        LOG.debug("JMX reporter cannot listen on port {}: {}", candidate, e.toString());
      }
    }
    throw new IllegalStateException("JMX reporter found no free port in option '" + PORT + "' (" + ports + "): "
        + (last == null ? "no port given" : last.toString()), last);
  }

  /** The address a JMX client connects to for a connector server on {@code host} and {@code port}. */
  public static JMXServiceURL serviceUrl(String host, int port) throws IOException {
    return new JMXServiceURL("service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port
        + "/jmxrmi");
  }

  /** The port of the JMX connector server, or -1 if none runs. */
  public int getPort() {
    return port;
  }

  @Override
  public void close() {
    for (ObjectName name : registered.keySet()) {
      unregister(name);
    }
    registered.clear();
    if (connectorServer != null) {
      try {
        connectorServer.stop();
      } catch (IOException e) {
        LOG.warn("JMX reporter: stopping the connector server failed: {}", e.toString());
      }
      connectorServer = null;
    }
    unexport(rmiRegistry);
    rmiRegistry = null;
    port = -1;
  }

  private static void unexport(Registry registry) {
    if (registry != null) {
      try {
        UnicastRemoteObject.unexportObject(registry, true);
      } catch (NoSuchObjectException e) {
        // not exported: nothing to stop
      }
    }
  }

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    if (!scope.accepts(metric, metricName, group)) {
      return;
    }
    ObjectName name;
    try {
      name = objectName(metricName, group);
      StandardMBean mbean = JmxMetricAdapters.mbeanOf(metric);
      if (mbean == null) {
        return;
      }
      server.registerMBean(mbean, name);
    } catch (InstanceAlreadyExistsException e) {
      LOG.debug("JMX reporter leaves out {} of group {}: an MBean of that name exists", metricName, group);
      return;
    } catch (JMException e) {
      LOG.warn("JMX reporter cannot register metric {} of group {}: {}", metricName, group, e.toString());
      return;
    }
    registered.put(name, metric);
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    ObjectName name;
    try {
      name = objectName(metricName, group);
    } catch (JMException e) {
      return; // it was never registered
    }
    if (registered.remove(name, metric)) {
      unregister(name);
    }
  }

  private void unregister(ObjectName name) {
    try {
      server.unregisterMBean(name);
    } catch (InstanceNotFoundException e) {
      // unregistered by someone else already
    } catch (JMException e) {
      LOG.warn("JMX reporter cannot unregister {}: {}", name, e.toString());
    }
  }

  /** The name of the MBean of metric {@code metricName} of {@code group}. */
  ObjectName objectName(String metricName, MetricGroup group) throws JMException {
    StringBuilder domain = new StringBuilder(DOMAIN_PREFIX);
    for (String component : ReporterScope.logicalScope(group)) {
      domain.append(domainPart(component)).append('.');
    }
    domain.append(domainPart(metricName));
    Hashtable<String, String> properties = new Hashtable<>();
    scope.variables(group).forEach((key, value) -> properties.put(propertyPart(key), propertyPart(value)));
    if (properties.isEmpty()) {
      properties.put("name", propertyPart(metricName)); // an ObjectName needs a key property
    }
    return new ObjectName(domain.toString(), properties);
  }

  /** {@code part} without the characters a domain cannot hold (':', '*', '?', '=', ',', quotes, white space). */
  static String domainPart(String part) {
    StringBuilder sb = new StringBuilder(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      sb.append(c == ':' || c == '*' || c == '?' || c == '=' || c == ',' || c == '"' || c == '\''
          || Character.isWhitespace(c) || Character.isISOControl(c) ? '_' : c);
    }
    return sb.toString();
  }

  /** {@code part} as an unquoted key property: ',', '=', ':', '"', '*', '?' and white space become '_'. */
  static String propertyPart(String part) {
    if (part.isEmpty()) {
      return "_";
    }
    StringBuilder sb = new StringBuilder(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      sb.append(c == ',' || c == '=' || c == ':' || c == '"' || c == '*' || c == '?' || c == '\n'
          || Character.isWhitespace(c) || Character.isISOControl(c) ? '_' : c);
    }
    return sb.toString();
  }
}
