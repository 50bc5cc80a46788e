package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As in Flink, a view that keeps each key's last row in event time ({@code ROW_NUMBER() OVER
 * (PARTITION BY k ORDER BY ts DESC) = 1}) is a versioned table: a temporal join against it joins each
 * row with the version of its key valid at the row's time, from a table that has no primary key.
 */
class SqlVersionedViewE2ETest {

  private static final int RATES = 12;
  private static final int ORDERS = 30;

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // Rate r of currency r % 3 is 10 * r + 1 from minute 10 * r on; the table has no primary key.
    tEnv.executeSql("""
        CREATE TABLE rate_log (
          r INT,
          currency AS r % 3,
          rate AS r * 10 + 1,
          rts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '10' MINUTE * r AS TIMESTAMP(3)),
          WATERMARK FOR rts AS rts
        ) WITH ('connector' = 'datagen', 'fields.r.kind' = 'sequence', 'fields.r.start' = '0',
                'fields.r.end' = '""" + (RATES - 1) + "')");
    tEnv.executeSql("""
        CREATE VIEW latest_rates AS
        SELECT currency, rate, rts FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY rts DESC) AS rownum FROM rate_log)
        WHERE rownum = 1""");
    // Order n is in currency n % 4 (currency 3 has no rates) at minute 4 * n.
    tEnv.executeSql("""
        CREATE TABLE orders (
          n INT,
          currency AS n % 4,
          ots AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '4' MINUTE * n AS TIMESTAMP(3)),
          WATERMARK FOR ots AS ots
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (ORDERS - 1) + "')");
  }

  @Test
  void aTemporalJoinAgainstADeduplicatingViewJoinsTheVersionValidAtEachRowsTime() {
    List<Row> expected = new ArrayList<>();
    for (int n = 0; n < ORDERS; n++) {
      Integer rate = null;
      for (int r = 0; r < RATES; r++) {
        if (r % 3 == n % 4 && 10 * r <= 4 * n) {
          rate = 10 * r + 1;
        }
      }
      expected.add(Row.of(n, rate));
    }
    assertThat(rows(tEnv.executeSql("SELECT o.n, r.rate FROM orders AS o LEFT JOIN latest_rates"
        + " FOR SYSTEM_TIME AS OF o.ots AS r ON o.currency = r.currency")))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aViewKeepingTheFirstRowIsNoVersionedTable() {
    tEnv.executeSql("CREATE VIEW first_rates AS SELECT currency, rate, rts FROM (SELECT *, ROW_NUMBER() OVER"
        + " (PARTITION BY currency ORDER BY rts ASC) AS rownum FROM rate_log) WHERE rownum = 1");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT o.n, r.rate FROM orders AS o JOIN first_rates"
        + " FOR SYSTEM_TIME AS OF o.ots AS r ON o.currency = r.currency"))
        .hasMessageContaining("primary key");
  }
}
