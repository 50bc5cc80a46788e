package io.spate.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code metrics.reporter.<name>.type} chooses a factory by its identifier, beside {@code factory.class}. */
class ReporterTypeTest {

  @Test
  void aTypeChoosesTheFactoryWithThatIdentifier() {
    Configuration conf = new Configuration().setString("metrics.reporter.rec.type", "recording")
        .setString("metrics.reporter.rec.port", "1234");
    List<ReporterSetup> setups = ReporterSetup.fromConfiguration(conf, getClass().getClassLoader());
    assertThat(setups).singleElement().satisfies(setup -> {
      assertThat(setup.name()).isEqualTo("rec");
      assertThat(setup.factory()).isInstanceOf(RecordingReporterFactory.class);
      assertThat(setup.config().getString("port", null)).isEqualTo("1234");
    });
  }

  @Test
  void aFactoryClassWinsOverAType() {
    Configuration conf = new Configuration().setString("metrics.reporter.rec.type", "no-such-type")
        .setString("metrics.reporter.rec.factory.class", RecordingReporterFactory.class.getName());
    assertThat(ReporterSetup.fromConfiguration(conf, getClass().getClassLoader())).singleElement()
        .satisfies(setup -> assertThat(setup.factory()).isInstanceOf(RecordingReporterFactory.class));
  }

  @Test
  void anUnknownTypeIsAnErrorNamingTheKeyAndTheKnownTypes() {
    Configuration conf = new Configuration().setString("metrics.reporter.prom.type", "promethus");
    assertThatThrownBy(() -> ReporterSetup.fromConfiguration(conf, getClass().getClassLoader()))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("metrics.reporter.prom.type")
        .hasMessageContaining("'promethus'")
        .hasMessageContaining("recording");
  }

  @Test
  void aListedReporterWithNeitherFactoryNorTypeNamesBothKeys() {
    Configuration conf = new Configuration().setString("metrics.reporters", "jmx");
    assertThatThrownBy(() -> ReporterSetup.fromConfiguration(conf, getClass().getClassLoader()))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("metrics.reporter.jmx.factory.class")
        .hasMessageContaining("metrics.reporter.jmx.type");
  }
}
