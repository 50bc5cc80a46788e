package io.spate.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Nexmark SQL runs refuse table options that Spate SQL would keep without effect. */
class KnownTableOptionsTest {

  @Test
  void theMiniBatchAndPhaseOptionsAreKnown() {
    assertThat(KnownTableOptions.keys()).contains("table.exec.mini-batch.enabled", "table.exec.mini-batch.size",
        "table.exec.mini-batch.allow-latency", "table.optimizer.agg-phase-strategy", "table.exec.state.ttl");
  }

  @Test
  void thePreludeOfEveryQuerySetsOnlyKnownOptions() {
    NexmarkSqlScript script = NexmarkSqlScript.load("q16",
        NexmarkSqlQueries.placeholders(1_000, 1_000, 0, 2, NexmarkSqlQueries.SPATE_UDF_PACKAGE));

    KnownTableOptions.check(script.prelude());
    assertThat(script.prelude()).contains("SET 'table.exec.mini-batch.enabled' = 'true'");
  }

  @Test
  void anUnknownTableOptionIsRefusedByName() {
    assertThatThrownBy(() -> KnownTableOptions.check(List.of("SET 'parallelism.default' = '2'",
        "SET 'table.exec.mini-batch.enabled' = 'true'", "SET 'table.optimizer.no-such-thing' = 'true'")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'table.optimizer.no-such-thing'");
  }
}
