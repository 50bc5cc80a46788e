package io.spate.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kafka benchmark's command line: values, defaults, and the errors of bad input. */
class KafkaBenchmarkOptionsTest {

  @Test
  void readsEveryOption() {
    KafkaBenchmarkOptions o = KafkaBenchmarkOptions.parse(new String[] {"--records", "2m", "--value-bytes", "200",
        "--partitions", "8", "--workloads", "exactly-once,discard", "--engines", "flink", "--runs", "5",
        "--parallelism", "1", "--checkpoint-interval", "500ms", "--work-dir", "/tmp/kb", "--output", "out.md",
        "--flink-classpath", "a:b", "--jvm-opts", "-Xmx1g -Xms1g", "--broker-jvm-opts", "-Xmx512m",
        "--timeout", "2m"});

    assertThat(o.records).isEqualTo(2_000_000);
    assertThat(o.valueBytes).isEqualTo(200);
    assertThat(o.partitions).isEqualTo(8);
    assertThat(o.workloads).containsExactly(KafkaWorkload.EXACTLY_ONCE, KafkaWorkload.DISCARD);
    assertThat(o.engines).containsExactly("flink");
    assertThat(o.runs).isEqualTo(5);
    assertThat(o.parallelism).isEqualTo(1);
    assertThat(o.checkpointIntervalMillis).isEqualTo(500);
    assertThat(o.workDir).isEqualTo(Path.of("/tmp/kb"));
    assertThat(o.output).isEqualTo(Path.of("out.md"));
    assertThat(o.flinkClasspath).isEqualTo("a:b");
    assertThat(o.jvmOptions).containsExactly("-Xmx1g", "-Xms1g");
    assertThat(o.brokerJvmOptions).containsExactly("-Xmx512m");
    assertThat(o.timeout).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void defaultsRunEveryWorkloadOnBothEnginesWithOneSecondCheckpoints() {
    KafkaBenchmarkOptions o = KafkaBenchmarkOptions.parse(new String[0]);

    assertThat(o.workloads).containsExactly(KafkaWorkload.values());
    assertThat(o.engines).containsExactly("spate", "flink");
    assertThat(o.checkpointIntervalMillis).isEqualTo(1000);
    assertThat(o.records).isEqualTo(2_000_000);
    assertThat(o.valueBytes).isEqualTo(100);
    assertThat(o.output).isNull();
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> KafkaBenchmarkOptions.parse(new String[] {"--records", "lots"}))
        .hasMessage("Option --records needs a number, but got 'lots'");
    assertThatThrownBy(() -> KafkaBenchmarkOptions.parse(new String[] {"--workloads", "discard,fast"}))
        .hasMessageContaining("Unknown workload 'fast'").hasMessageContaining("exactly-once");
    assertThatThrownBy(() -> KafkaBenchmarkOptions.parse(new String[] {"--engines", "storm"}))
        .hasMessageContaining("Unknown engine 'storm'");
    assertThatThrownBy(() -> KafkaBenchmarkOptions.parse(new String[] {"--runs"}))
        .hasMessage("Option --runs needs a value");
    assertThatThrownBy(() -> KafkaBenchmarkOptions.parse(new String[] {"--speed", "1"}))
        .hasMessage("Unknown option --speed");
    assertThatThrownBy(() -> KafkaBenchmarkOptions.parse(new String[] {"--runs", "0"}))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> KafkaBenchmarkOptions.parse(new String[] {"--checkpoint-interval", "0"}))
        .hasMessageContaining("exactly-once sink commits on checkpoints");
    assertThatThrownBy(() -> KafkaBenchmarkOptions.parse(new String[] {"--help"}))
        .isInstanceOf(KafkaBenchmarkOptions.HelpRequested.class);
  }

  @Test
  void enginesAlternateFromRunToRun() {
    assertThat(KafkaBenchmark.alternating(List.of("spate", "flink"), 1)).containsExactly("spate", "flink");
    assertThat(KafkaBenchmark.alternating(List.of("spate", "flink"), 2)).containsExactly("flink", "spate");
    assertThat(KafkaBenchmark.alternating(List.of("spate", "flink"), 3)).containsExactly("spate", "flink");
  }
}
