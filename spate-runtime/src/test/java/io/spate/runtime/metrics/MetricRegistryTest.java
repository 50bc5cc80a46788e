package io.spate.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.SimpleCounter;
import io.spate.runtime.metrics.groups.TaskManagerMetricGroup;
import io.spate.testing.Await;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reporters found by the ServiceLoader, chosen by configuration, and kept away from the code that registers. */
class MetricRegistryTest {

  private static final String FACTORY = RecordingReporterFactory.class.getName();

  private static Configuration reporter(Configuration conf, String name, String id) {
    conf.setString("metrics.reporter." + name + ".factory.class", FACTORY);
    conf.setString("metrics.reporter." + name + ".id", id);
    return conf;
  }

  @Test
  void aConfiguredReporterIsFoundByItsFactoryAndToldOfAddedAndRemovedMetrics() {
    String id = RecordingReporterFactory.newId();
    Configuration conf = reporter(new Configuration(), "rec", id);
    conf.setString("metrics.reporter.rec.colour", "green");
    try (MetricRegistry registry = new MetricRegistry(conf)) {
      assertThat(registry.getNumberReporters()).isEqualTo(1);
      RecordingReporter reporter = RecordingReporter.withId(id);
      assertThat(reporter.config.getString("colour", null)).isEqualTo("green");
      assertThat(reporter.config.getString("factory.class", null)).isEqualTo(FACTORY);

      TaskManagerMetricGroup group = new TaskManagerMetricGroup(registry, "h", "tm-1");
      Counter counter = group.counter("things");
      assertThat(reporter.added).extracting(RecordingReporter.Seen::identifier).containsExactly("h.taskmanager.tm-1.things");
      assertThat(reporter.added.get(0).metric()).isSameAs(counter);

      group.close();
      assertThat(reporter.removed).extracting(RecordingReporter.Seen::identifier)
          .containsExactly("h.taskmanager.tm-1.things");
      assertThat(reporter.closed).isFalse();
    }
    assertThat(RecordingReporter.withId(id).closed).isTrue();
  }

  @Test
  void onlyTheListedReportersStartWhenAListIsGiven() {
    String a = RecordingReporterFactory.newId();
    String b = RecordingReporterFactory.newId();
    Configuration conf = reporter(reporter(new Configuration(), "a", a), "b", b);
    conf.setString("metrics.reporters", "b");
    try (MetricRegistry registry = new MetricRegistry(conf)) {
      assertThat(registry.getNumberReporters()).isEqualTo(1);
      assertThat(RecordingReporter.withId(a)).isNull();
      assertThat(RecordingReporter.withId(b)).isNotNull();
    }
    conf.setString("metrics.reporters", " a , b ");
    try (MetricRegistry registry = new MetricRegistry(conf)) {
      assertThat(registry.getNumberReporters()).isEqualTo(2);
    }
  }

  @Test
  void aListedReporterWithoutFactoryOrWithAnUnknownOneIsAConfigurationError() {
    Configuration missing = new Configuration().setString("metrics.reporters", "jmx");
    assertThatThrownBy(() -> new MetricRegistry(missing)).isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("'jmx'").hasMessageContaining("metrics.reporter.jmx.factory.class");

    Configuration unknown = new Configuration().setString("metrics.reporter.x.factory.class", "com.example.Nope");
    assertThatThrownBy(() -> new MetricRegistry(unknown)).isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("com.example.Nope").hasMessageContaining(FACTORY);

    Configuration badInterval = reporter(new Configuration(), "r", RecordingReporterFactory.newId());
    badInterval.setString("metrics.reporter.r.interval", "often");
    assertThatThrownBy(() -> new MetricRegistry(badInterval)).isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("metrics.reporter.r.interval");

    Configuration noOption = new Configuration().setString("metrics.reporter.lonely", "x");
    assertThatThrownBy(() -> new MetricRegistry(noOption)).isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("metrics.reporter.lonely");
  }

  @Test
  void aReporterThatFailsToStartIsLeftOutAndTheOthersRun() {
    String broken = RecordingReporterFactory.newId();
    String good = RecordingReporterFactory.newId();
    Configuration conf = reporter(reporter(new Configuration(), "broken", broken), "good", good);
    conf.setString("metrics.reporter.broken.fail-open", "true");
    conf.setString("metrics.reporter.uncreatable.factory.class", FACTORY);
    conf.setString("metrics.reporter.uncreatable.fail-create", "true");
    try (MetricRegistry registry = new MetricRegistry(conf)) {
      assertThat(registry.getNumberReporters()).isEqualTo(1);
      new TaskManagerMetricGroup(registry, "h", "tm").counter("c");
      assertThat(RecordingReporter.withId(broken).added).isEmpty();
      assertThat(RecordingReporter.withId(good).added).hasSize(1);
    }
  }

  @Test
  void aReporterThatThrowsOnNotificationsNeitherFailsTheRegistrationNorStopsTheOthers() {
    String failing = RecordingReporterFactory.newId();
    String other = RecordingReporterFactory.newId();
    Configuration conf = reporter(reporter(new Configuration(), "failing", failing), "other", other);
    conf.setString("metrics.reporter.failing.fail-notify", "true");
    try (MetricRegistry registry = new MetricRegistry(conf)) {
      TaskManagerMetricGroup group = new TaskManagerMetricGroup(registry, "h", "tm");
      SimpleCounter counter = group.counter("c", new SimpleCounter());
      counter.inc();
      assertThat(group.metrics()).containsEntry("c", counter);
      assertThat(RecordingReporter.withId(failing).added).hasSize(1);
      assertThat(RecordingReporter.withId(other).added).hasSize(1);
    }
  }

  @Test
  void scheduledReportersAreAskedToReportAtTheirIntervalEvenAfterAFailedReport() {
    String id = RecordingReporterFactory.newId();
    Configuration conf = reporter(new Configuration(), "r", id);
    conf.setString("metrics.reporter.r.interval", "10 ms");
    conf.setString("metrics.reporter.r.fail-report", "true");
    try (MetricRegistry registry = new MetricRegistry(conf)) {
      RecordingReporter reporter = RecordingReporter.withId(id);
      Await.until(Duration.ofSeconds(30), "three reports", () -> reporter.reports.get() >= 3);
    }
    int afterClose = RecordingReporter.withId(id).reports.get();
    assertThat(RecordingReporter.withId(id).closed).isTrue();
    // closing stopped the registry's thread before it closed the reporter: no report follows
    assertThat(RecordingReporter.withId(id).reports.get()).isEqualTo(afterClose);
  }

  @Test
  void theDelimiterMustBeOneCharacter() {
    assertThatThrownBy(() -> new MetricRegistry(new Configuration().setString("metrics.scope.delimiter", "::")))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("metrics.scope.delimiter")
        .hasMessageContaining("'::'");
  }

  @Test
  void metricsRegisteredAfterTheRegistryClosedAreNotReported() {
    String id = RecordingReporterFactory.newId();
    MetricRegistry registry = new MetricRegistry(reporter(new Configuration(), "r", id));
    TaskManagerMetricGroup group = new TaskManagerMetricGroup(registry, "h", "tm");
    registry.close();
    group.counter("late");
    group.close();
    assertThat(RecordingReporter.withId(id).added).isEmpty();
    assertThat(RecordingReporter.withId(id).removed).isEmpty();
  }
}
