package io.spate.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.runtime.cluster.ClusterProcessOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigFileTest {

  @TempDir
  Path dir;

  @Test
  void readsFlatKeysWithCommentsAndQuotesAndAppliesOverrides() throws Exception {
    Path file = write("""
        # comment
        rest.address: "0.0.0.0"
        rest.port: 8082   # trailing comment

        jobmanager.shutdown-timeout: 5 s
        cluster.log-dir: 'my logs # not a comment'
        """);
    Configuration conf = ClusterConfigFile.load(file, Map.of("rest.port", "9000"));
    assertThat(conf.get(RestOptions.ADDRESS)).isEqualTo("0.0.0.0");
    assertThat(conf.get(RestOptions.PORT)).isEqualTo(9000);
    assertThat(conf.get(ClusterProcessOptions.SHUTDOWN_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
    assertThat(conf.get(ClusterProcessOptions.LOG_DIR)).isEqualTo("my logs # not a comment");
  }

  @Test
  void theShippedFileLoads() {
    Configuration conf = ClusterConfigFile.load(Path.of("..", "conf", "spate.yaml"), Map.of());
    assertThat(conf.toMap()).isEmpty();
  }

  @Test
  void everyOptionTheShippedFileShowsIsOneThatLoads() throws Exception {
    List<String> shown = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("..", "conf", "spate.yaml"))) {
      if (line.matches("# [a-z][a-z0-9.-]*\\.[a-z0-9.-]+: .+")) {
        shown.add(line.substring(2));
      }
    }
    assertThat(shown).hasSizeGreaterThan(20);
    for (String option : shown) {
      // Uncommented on its own, each shown line is a known option with a value it accepts.
      Configuration conf = ClusterConfigFile.load(write(option + "\n"), Map.of());
      assertThat(conf.toMap()).as(option).hasSize(1);
    }
  }

  @Test
  void aReportersOwnOptionsAreLeftToTheMetricRegistry() throws Exception {
    Path file = write("""
        metrics.reporters: prom
        metrics.reporter.prom.factory.class: com.example.PromReporterFactory
        metrics.reporter.prom.port: 9249
        """);
    Configuration conf = ClusterConfigFile.load(file, Map.of());
    assertThat(conf.toMap()).containsEntry("metrics.reporter.prom.port", "9249").hasSize(3);
    Path misspelt = write("metrics.reporterz: prom\n");
    assertThatThrownBy(() -> ClusterConfigFile.load(misspelt, Map.of()))
        .hasMessageContaining("unknown option 'metrics.reporterz'");
  }

  @Test
  void errorsNameFileLineAndKey() throws Exception {
    Path unknown = write("rest.port: 8081\nrest.prot: 8081\n");
    assertThatThrownBy(() -> ClusterConfigFile.load(unknown, Map.of()))
        .hasMessageContaining(unknown + ", line 2").hasMessageContaining("unknown option 'rest.prot'");
    Path malformed = write("jobmanager.taskexecutors: many\n");
    assertThatThrownBy(() -> ClusterConfigFile.load(malformed, Map.of()))
        .hasMessageContaining(malformed + ", line 1").hasMessageContaining("'jobmanager.taskexecutors'")
        .hasMessageContaining("many");
    Path duplicate = write("rest.port: 1\nrest.port: 2\n");
    assertThatThrownBy(() -> ClusterConfigFile.load(duplicate, Map.of()))
        .hasMessageContaining("line 2").hasMessageContaining("already set on line 1");
    Path noColon = write("rest.port 8081\n");
    assertThatThrownBy(() -> ClusterConfigFile.load(noColon, Map.of()))
        .hasMessageContaining("line 1").hasMessageContaining("expected 'key: value'");
    assertThatThrownBy(() -> ClusterConfigFile.load(null, Map.of("rest.port", "x")))
        .hasMessageContaining("-D rest.port");
    assertThatThrownBy(() -> ClusterConfigFile.load(dir.resolve("missing.yaml"), Map.of()))
        .hasMessageContaining("does not exist");
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(dir, "spate", ".yaml");
    Files.writeString(file, text);
    return file;
  }
}
