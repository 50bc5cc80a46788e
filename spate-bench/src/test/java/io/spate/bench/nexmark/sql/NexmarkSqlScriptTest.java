package io.spate.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.NexmarkQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL files load, fill their placeholders and split into the statements the runners execute. */
class NexmarkSqlScriptTest {

  private static final Map<String, String> VALUES =
      NexmarkSqlQueries.placeholders(5_000, 2_000, 7, 3, NexmarkSqlQueries.SPATE_UDF_PACKAGE);

  @Test
  void everyQueryHasAFileEndingInAnInsertIntoItsSink() {
    for (NexmarkQuery<?> query : NexmarkQueries.all()) {
      NexmarkSqlScript script = NexmarkSqlScript.load(query.name(), VALUES);

      assertThat(script.insert()).as(query.name()).startsWith("INSERT INTO nexmark_" + query.name() + "\n");
      assertThat(script.query()).as(query.name()).startsWith("SELECT").doesNotContain(";");
      assertThat(script.setup()).as(query.name()).anySatisfy(s -> assertThat(s)
          .startsWith("CREATE TABLE nexmark_" + query.name() + " (").contains("'connector' = 'blackhole'"));
    }
  }

  @Test
  void thePreludeGetsTheRunsValuesAndDeclaresTheTableAndItsViews() {
    List<String> prelude = NexmarkSqlScript.load("q0", VALUES).prelude();

    assertThat(prelude).hasSize(8);
    assertThat(prelude.subList(0, 4)).containsExactly("SET 'parallelism.default' = '3'",
        "SET 'table.exec.mini-batch.enabled' = 'true'", "SET 'table.exec.mini-batch.allow-latency' = '2s'",
        "SET 'table.exec.mini-batch.size' = '50000'");
    assertThat(prelude.get(4)).startsWith("CREATE TABLE datagen (")
        .contains("'events.num' = '5000'", "'first-event.rate' = '2000'", "'seed' = '7'")
        .contains("WATERMARK FOR dateTime AS dateTime - INTERVAL '0.001' SECOND")
        .doesNotContain("${", "--");
    assertThat(prelude.subList(5, 8)).extracting(s -> s.substring(0, s.indexOf(" AS")))
        .containsExactly("CREATE VIEW person", "CREATE VIEW auction", "CREATE VIEW bid");
  }

  @Test
  void theUdfPackageNamesTheEnginesFunctions() {
    assertThat(NexmarkSqlScript.load("q14", VALUES).setup())
        .contains("CREATE TEMPORARY FUNCTION count_char AS 'io.spate.bench.nexmark.sql.CountChar'");
  }

  @Test
  void commentsGoAndStatementsSplitAtTheirSemicolons() {
    assertThat(NexmarkSqlScript.statements("-- a comment\nSELECT 1;\n\nSELECT a,\n  b FROM t;\n-- end\n"))
        .containsExactly("SELECT 1", "SELECT a,\n  b FROM t");
  }

  @Test
  void aPlaceholderWithoutAValueOrAnUnknownQueryIsNamed() {
    assertThatThrownBy(() -> NexmarkSqlScript.fill("'${events}' and '${nope}'", Map.of("events", "1")))
        .hasMessageContaining("${nope}");
    assertThatThrownBy(() -> NexmarkSqlScript.load("q99", VALUES)).hasMessageContaining("nexmark-sql/q99.sql");
  }

  @Test
  void anInsertOfAnotherShapeIsRefused() {
    NexmarkSqlScript script = new NexmarkSqlScript(List.of(), List.of(), "SELECT 1");

    assertThatThrownBy(script::query).hasMessageContaining("INSERT INTO <sink> SELECT");
  }
}
