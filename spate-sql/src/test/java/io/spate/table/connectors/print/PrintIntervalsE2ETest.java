package io.spate.table.connectors.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The print connector writes intervals as Flink's does: each row's {@code toString()} with its values converted
 * to their Java classes, a {@code Duration} or a {@code Period} (90 minutes are {@code PT1H30M}, 14 months of an
 * {@code INTERVAL MONTH} {@code P14M}), at the top level and nested; not Spate's milliseconds and months.
 */
class PrintIntervalsE2ETest {

  @Test
  void intervalsPrintAsFlinksPrintConnectorPrintsThem() throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("CREATE TABLE printed (d INTERVAL SECOND(3), p INTERVAL MONTH, r ROW<x INTERVAL SECOND(3)>)"
        + " WITH ('connector' = 'print')");
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      tEnv.executeSql("INSERT INTO printed SELECT INTERVAL '90' MINUTE, INTERVAL '14' MONTH, ROW(INTERVAL '2' HOUR)")
          .await();
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("+I[PT1H30M, P14M, +I[PT2H]]" + System.lineSeparator());
  }
}
