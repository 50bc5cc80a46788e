package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code table.exec.mini-batch.*}: GROUP BY aggregates handle rows in batches and give the same final
 * results with fewer changes; the options are checked.
 */
class SqlMiniBatchE2ETest {

  private static final String QUERY = "SELECT c, COUNT(*) AS keys, SUM(s) AS total FROM (SELECT k, COUNT(*) AS c,"
      + " SUM(n) AS s FROM numbers GROUP BY k) GROUP BY c";

  private static TableEnvironment session(boolean miniBatch) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    if (miniBatch) {
      tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
      tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "1 s");
      tEnv.getConfig().set("table.exec.mini-batch.size", "1000");
    }
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, k AS n % 13) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '5000', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '5000')");
    return tEnv;
  }

  @Test
  void miniBatchesLeaveTheSameResultWithFewerChanges() {
    List<Row> batched = TableResults.rows(session(true).executeSql(QUERY));
    List<Row> single = TableResults.rows(session(false).executeSql(QUERY));
    Map<Row, Integer> result = TableResults.folded(session(true).executeSql(QUERY));
    assertThat(result).isEqualTo(TableResults.folded(session(false).executeSql(QUERY)));
    assertThat(result).hasSize(2); // 5000 = 13 * 384 + 8: 8 keys of 385 rows, 5 of 384
    assertThat(batched.size()).isLessThan(single.size() / 10);
  }

  @Test
  void miniBatchesNeedALatencyAndASize() {
    TableEnvironment tEnv = session(false);
    tEnv.getConfig().set("table.exec.mini-batch.enabled", "true");
    tEnv.getConfig().set("table.exec.mini-batch.size", "1000");
    assertThatThrownBy(() -> tEnv.executeSql(QUERY)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'table.exec.mini-batch.allow-latency' must be more than 0");
    tEnv.getConfig().set("table.exec.mini-batch.allow-latency", "2 s");
    tEnv.getConfig().set("table.exec.mini-batch.size", "0");
    assertThatThrownBy(() -> tEnv.executeSql(QUERY)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'table.exec.mini-batch.size' must be more than 0");
  }
}
