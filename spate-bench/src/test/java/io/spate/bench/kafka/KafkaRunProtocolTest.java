package io.spate.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the harness and its child JVMs pass each other: the command line of a run and its JSON result. */
class KafkaRunProtocolTest {

  @Test
  void runnerOptionsSurviveTheirCommandLine() {
    KafkaRunnerOptions options = new KafkaRunnerOptions(KafkaWorkload.EXACTLY_ONCE, "127.0.0.1:9092", "in", "out",
        2_000_000, 2, 1000, Path.of("/tmp/cp"), "bench-x", Path.of("/tmp/r.json"));

    assertThat(KafkaRunnerOptions.parse(options.toArgs().toArray(String[]::new))).isEqualTo(options);
  }

  @Test
  void aMissingRunnerOptionIsNamed() {
    assertThatThrownBy(() -> KafkaRunnerOptions.parse(new String[] {"--workload", "discard"}))
        .hasMessage("Missing option --bootstrap-servers");
  }

  @Test
  void resultsSurviveTheirJson(@TempDir Path dir) throws Exception {
    KafkaRunResult measured = KafkaRunResult.measured("flink", KafkaWorkload.AT_LEAST_ONCE, 1000, 2_000_000_000L,
        3_000_000_000L, 4096, "3.4.0").withRecordsWritten(1000);
    KafkaRunResult failed = KafkaRunResult.failed("spate", "discard", "no broker");

    measured.writeTo(dir.resolve("m.json"));
    failed.writeTo(dir.resolve("f.json"));

    assertThat(KafkaRunResult.read(dir.resolve("m.json"))).isEqualTo(measured);
    assertThat(KafkaRunResult.read(dir.resolve("f.json"))).isEqualTo(failed);
    assertThat(measured.recordsPerSecond()).isEqualTo(500.0);
    assertThat(measured.cpuSecondsPerMillionRecords()).isEqualTo(3000.0);
  }

  @Test
  void aFileThatIsNoResultIsNamed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");

    assertThatThrownBy(() -> KafkaRunResult.read(file)).hasMessageContaining("Not a Kafka benchmark result")
        .hasMessageContaining(file.toString());
  }

  @Test
  void theMapFlipsTheLowestBitOfEveryByteOfADeterministicValue() {
    byte[] value = BenchRecords.value(42, 100);

    assertThat(value).hasSize(100).isEqualTo(BenchRecords.value(42, 100)).isNotEqualTo(BenchRecords.value(43, 100));
    byte[] mapped = BenchRecords.transform(value);
    for (int i = 0; i < value.length; i++) {
      assertThat(mapped[i] ^ value[i]).isEqualTo(1);
    }
    assertThat(BenchRecords.key(258)).containsExactly(0, 0, 0, 0, 0, 0, 1, 2);
  }
}
