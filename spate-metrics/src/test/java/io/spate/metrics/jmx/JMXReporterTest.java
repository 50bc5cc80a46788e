package io.spate.metrics.jmx;

import static io.spate.metrics.ReporterFixture.registryWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobID;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MeterView;
import io.spate.api.metrics.ReservoirHistogram;
import io.spate.metrics.ReporterFixture;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.groups.JobManagerMetricGroup;
import io.spate.runtime.metrics.groups.OperatorMetricGroup;
import io.spate.runtime.metrics.groups.TaskManagerMetricGroup;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import org.junit.jupiter.api.Test;

/** The JMX reporter's MBeans, read through the platform MBean server and a JMX connector. */
class JMXReporterTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final JobID job = JobID.generate();

  private Set<ObjectName> query(String domain) throws Exception {
    return server.queryNames(new ObjectName(domain + ":job_id=" + job + ",*"), null);
  }

  @Test
  void anOperatorsCounterIsAnMBeanNamedByTheLogicalScopeWithAKeyPropertyPerVariable() throws Exception {
    try (MetricRegistry registry = registryWith(new JMXReporter(), Map.of())) {
      TaskManagerMetricGroup tm = new TaskManagerMetricGroup(registry, "h", "taskexecutor-0");
      OperatorMetricGroup map0 = tm.addTask(job, "word count", "v", "a0", "Map", 0, 0).getOrAddOperator("op", "Map");
      tm.addTask(job, "word count", "v", "a1", "Map", 1, 0).getOrAddOperator("op", "Map");
      map0.numRecordsIn().inc(4);

      Set<ObjectName> names = query("io.spate.taskmanager.job.task.operator.numRecordsIn");
      assertThat(names).hasSize(2);
      ObjectName first = names.stream().filter(n -> "0".equals(n.getKeyProperty("subtask_index"))).findFirst()
          .orElseThrow();
      assertThat(first.getKeyProperty("job_name")).isEqualTo("word_count");
      assertThat(first.getKeyProperty("tm_id")).isEqualTo("taskexecutor-0");
      assertThat(first.getKeyProperty("operator_name")).isEqualTo("Map");
      assertThat(first.getKeyProperty("host")).isEqualTo("h");
      assertThat(server.getAttribute(first, "Count")).isEqualTo(4L);
      assertThat(query("io.spate.taskmanager.job.task.operator.numRecordsInPerSecond")).hasSize(2);
      assertThat(query("io.spate.taskmanager.job.task.numRecordsOut")).hasSize(2);

      tm.removeTask(job, "a0");
      assertThat(query("io.spate.taskmanager.job.task.operator.numRecordsIn")).singleElement()
          .satisfies(n -> assertThat(n.getKeyProperty("subtask_index")).isEqualTo("1"));
    }
    assertThat(query("io.spate.taskmanager.job.task.operator.numRecordsIn")).isEmpty();
  }

  @Test
  void gaugesMetersAndHistogramsHaveTheirAttributes() throws Exception {
    try (MetricRegistry registry = registryWith(new JMXReporter(), Map.of())) {
      JobManagerMetricGroup jm = new JobManagerMetricGroup(registry, "jmx-test-" + job);
      Counter counter = jm.counter("events");
      counter.inc(10);
      jm.meter("eventsPerSecond", new MeterView(counter, 60));
      jm.gauge("state", (Gauge<String>) () -> "RUNNING");
      ReservoirHistogram histogram = jm.histogram("latency", new ReservoirHistogram(100));
      for (int i = 1; i <= 10; i++) {
        histogram.update(i);
      }
      String host = "host=jmx-test-" + job;
      assertThat(server.getAttribute(new ObjectName("io.spate.jobmanager.state:" + host), "Value")).isEqualTo("RUNNING");
      ObjectName meter = new ObjectName("io.spate.jobmanager.eventsPerSecond:" + host);
      assertThat(server.getAttribute(meter, "Count")).isEqualTo(10L);
      assertThat((Double) server.getAttribute(meter, "Rate")).isGreaterThanOrEqualTo(0.0);
      ObjectName latency = new ObjectName("io.spate.jobmanager.latency:" + host);
      assertThat(server.getAttribute(latency, "Count")).isEqualTo(10L);
      assertThat(server.getAttribute(latency, "Max")).isEqualTo(10L);
      assertThat(server.getAttribute(latency, "Min")).isEqualTo(1L);
      assertThat((Double) server.getAttribute(latency, "Mean")).isEqualTo(5.5);
      assertThat((Double) server.getAttribute(latency, "Median")).isBetween(5.0, 6.0);
      assertThat((Double) server.getAttribute(latency, "999thPercentile")).isBetween(9.0, 10.0);
    }
  }

  @Test
  void theConnectorServerOnAPortServesTheMBeans() throws Exception {
    JMXReporter ranged = new JMXReporter();
    int base = freePort();
    try (MetricRegistry registry = registryWith(ranged, Map.of("port", base + "-" + (base + 10)))) {
      new JobManagerMetricGroup(registry, "remote-" + job).counter("jobs").inc(3);
      assertThat(ranged.getPort()).isBetween(base, base + 10);
      try (JMXConnector connector = JMXConnectorFactory.connect(JMXReporter.serviceUrl("localhost", ranged.getPort()))) {
        MBeanServerConnection connection = connector.getMBeanServerConnection();
        assertThat(connection.getAttribute(new ObjectName("io.spate.jobmanager.jobs:host=remote-" + job), "Count"))
            .isEqualTo(3L);
      }
    }
    assertThat(ranged.getPort()).isEqualTo(-1);
  }

  @Test
  void aBadPortIsAnErrorNamingTheOption() {
    assertThatThrownBy(() -> new JMXReporter().open(ReporterFixture.config(Map.of("port", "jmx"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'port'").hasMessageContaining("jmx");
  }

  @Test
  void domainAndPropertyPartsLoseTheCharactersObjectNamesCannotHold() {
    assertThat(JMXReporter.domainPart("a:b*c?d=e,f g")).isEqualTo("a_b_c_d_e_f_g");
    assertThat(JMXReporter.propertyPart("Source: a, b=c \"d\"")).isEqualTo("Source__a__b_c__d_");
    assertThat(JMXReporter.propertyPart("")).isEqualTo("_");
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
