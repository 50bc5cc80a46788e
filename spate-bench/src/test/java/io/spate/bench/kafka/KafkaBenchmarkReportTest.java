package io.spate.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's medians, ratios, output check and list of failed runs. */
class KafkaBenchmarkReportTest {

  private static KafkaRunResult run(String engine, KafkaWorkload w, double seconds, long written) {
    KafkaRunResult r = KafkaRunResult.measured(engine, w, 1_000_000, (long) (seconds * 1e9), (long) 1e9, 512 * 1024,
        engine.equals("spate") ? "4.3.1" : "3.4.0");
    return w.writesToKafka() ? r.withRecordsWritten(written) : r;
  }

  @Test
  void showsMediansRatiosAndFailures() {
    KafkaBenchmarkOptions o = KafkaBenchmarkOptions.parse(new String[] {"--records", "1m", "--runs", "3"});
    List<KafkaRunResult> results = List.of(
        run("spate", KafkaWorkload.DISCARD, 0.5, -1), run("flink", KafkaWorkload.DISCARD, 1, -1),
        run("spate", KafkaWorkload.DISCARD, 0.25, -1), run("flink", KafkaWorkload.DISCARD, 2, -1),
        run("spate", KafkaWorkload.DISCARD, 1, -1), run("flink", KafkaWorkload.DISCARD, 4, -1),
        run("flink", KafkaWorkload.AT_LEAST_ONCE, 2, 1_000_000), run("flink", KafkaWorkload.AT_LEAST_ONCE, 2, 1_000_010),
        run("flink", KafkaWorkload.EXACTLY_ONCE, 4, 1_000_000),
        KafkaRunResult.failed("flink", "exactly-once", "timed out after 600 s"));

    String report = KafkaBenchmarkReport.markdown(o, results, List.of("a note"), new String[] {"--records", "1m"});

    // medians 2 M/s against 500 K/s: a ratio of 4
    assertThat(report).contains("| discard | 1.00 M | 2.00 M | 500 K | 4.00 | 1.00 | 1.00 | 512 | 512 | – |");
    assertThat(report).contains("| at-least-once | 1.00 M | – | 500 K | – |")
        .contains("Flink: up to 1,000,010 of 1,000,000 |");
    assertThat(report).contains("| exactly-once | 1.00 M | – | 250 K | – |").contains("Flink: every record once |");
    assertThat(report).contains("Exactly-once over at-least-once throughput (medians): Spate –, Flink 0.50.");
    assertThat(report).contains("- discard, spate: 2.00 M, 4.00 M, 1.00 M");
    assertThat(report).contains("- exactly-once, flink: 250 K, failed");
    assertThat(report).contains("Failed runs:\n\n- exactly-once on flink: timed out after 600 s");
    assertThat(report).contains("kafka-clients 4.3.1;").contains("kafka-clients 3.4.0;").contains("- a note");
    assertThat(report).startsWith("## Kafka: Spate and Apache Flink\n\nWritten by `./spate bench kafka --records 1m`");
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    List<KafkaRunResult> runs = List.of(run("spate", KafkaWorkload.DISCARD, 1, -1),
        run("spate", KafkaWorkload.DISCARD, 0.5, -1));

    assertThat(KafkaBenchmarkReport.median(runs, KafkaRunResult::recordsPerSecond)).isEqualTo(1_500_000.0);
    assertThat(KafkaBenchmarkReport.median(List.of(), KafkaRunResult::recordsPerSecond)).isNaN();
  }
}
