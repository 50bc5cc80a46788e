package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event-time temporal joins: each order joins the version of its currency's rate that was valid at
 * the order's time, exactly once, as an insert; a LEFT join pads orders without a valid version; the
 * joins Spate cannot run (processing time, lookup, no primary key) fail naming why.
 */
class SqlTemporalJoinE2ETest {

  private static final int RATES = 15;
  private static final int ORDERS = 40;

  private TableEnvironment tEnv;
  private int[] currencyOfRate;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // Rate r is a random currency's (0 to 2, the same in every run) rate 10 * r + 1 from minute 10 * r on.
    tEnv.executeSql("""
        CREATE TABLE rates (
          r INT,
          currency INT,
          rate AS r * 10 + 1,
          rts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '10' MINUTE * r AS TIMESTAMP(3)),
          WATERMARK FOR rts AS rts,
          PRIMARY KEY (currency) NOT ENFORCED
        ) WITH ('connector' = 'datagen', 'fields.r.kind' = 'sequence', 'fields.r.start' = '0',
                'fields.r.end' = '""" + (RATES - 1) + "', 'fields.currency.min' = '0', 'fields.currency.max' = '2')");
    currencyOfRate = new int[RATES];
    for (Row rate : rows(tEnv.executeSql("SELECT r, currency FROM rates"))) {
      currencyOfRate[(Integer) rate.getField(0)] = (Integer) rate.getField(1);
    }
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

  /** The rate of order {@code n}'s currency valid at its time, or null. */
  private Integer rateOf(int n) {
    Integer rate = null;
    for (int r = 0; r < RATES; r++) {
      if (currencyOfRate[r] == n % 4 && 10 * r <= 4 * n) {
        rate = 10 * r + 1;
      }
    }
    return rate;
  }

  @Test
  void eachOrderJoinsTheRateValidAtItsTime() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.n, o.currency, r.rate FROM orders AS o
        JOIN rates FOR SYSTEM_TIME AS OF o.ots AS r ON o.currency = r.currency"""));
    List<Row> expected = new ArrayList<>();
    for (int n = 0; n < ORDERS; n++) {
      if (rateOf(n) != null) {
        expected.add(Row.of(n, n % 4, rateOf(n)));
      }
    }
    assertThat(expected).hasSizeGreaterThan(10);
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theLeftSideOfAKeyMayBeAnExpression() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.n, r.rate FROM orders AS o
        JOIN rates FOR SYSTEM_TIME AS OF o.ots AS r ON CAST(o.n AS BIGINT) % 4 = r.currency"""));
    List<Row> expected = new ArrayList<>();
    for (int n = 0; n < ORDERS; n++) {
      if (rateOf(n) != null) {
        expected.add(Row.of(n, rateOf(n)));
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aViewThatKeepsTheKeyAndTheTimeAttributeIsAVersionedTableToo() throws Exception {
    tEnv.executeSql("CREATE TEMPORARY VIEW rates_view AS SELECT rts, rate, currency FROM rates WHERE rate > 20");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.n, v.currency, v.rate FROM orders AS o
        LEFT JOIN rates_view FOR SYSTEM_TIME AS OF o.ots AS v ON o.currency = v.currency"""));
    List<Row> expected = new ArrayList<>();
    for (int n = 0; n < ORDERS; n++) {
      // The view drops the rates up to 20, so an order finds the latest of the others.
      Integer rate = null;
      for (int r = 2; r < RATES; r++) {
        if (currencyOfRate[r] == n % 4 && 10 * r <= 4 * n) {
          rate = 10 * r + 1;
        }
      }
      expected.add(Row.of(n, rate == null ? null : n % 4, rate));
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    tEnv.executeSql("CREATE TEMPORARY VIEW unkeyed_view AS SELECT rts, rate FROM rates");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM orders AS o"
        + " JOIN unkeyed_view FOR SYSTEM_TIME AS OF o.ots AS u ON o.currency = u.rate"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("requires primary key");
  }

  @Test
  void aLeftTemporalJoinPadsOrdersWithoutAValidRate() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.n, r.currency, r.rate FROM orders AS o
        LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ots AS r ON o.currency = r.currency AND r.rate > 20"""));
    List<Row> expected = new ArrayList<>();
    for (int n = 0; n < ORDERS; n++) {
      Integer rate = rateOf(n);
      boolean joined = rate != null && rate > 20;
      // The versioned table's key (NOT NULL there) is NULL in a padded row.
      expected.add(Row.of(n, joined ? n % 4 : null, joined ? rate : null));
    }
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aTimeThatIsNoEventTimeAttributeIsAProcessingTimeJoinWhichIsRejected() {
    tEnv.executeSql("CREATE TABLE plain (currency INT, t TIMESTAMP(3)) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '1')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM plain AS p"
        + " JOIN rates FOR SYSTEM_TIME AS OF p.t AS r ON p.currency = r.currency"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("Processing-time temporal join is not supported yet")
        .hasMessageContaining("event-time attribute");
  }

  @Test
  void aVersionedTableNeedsAPrimaryKeyThatTheJoinCovers() {
    tEnv.executeSql("CREATE TABLE unkeyed (currency INT, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM orders AS o"
        + " JOIN unkeyed FOR SYSTEM_TIME AS OF o.ots AS u ON o.currency = u.currency"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("requires primary key")
        .hasMessageContaining("unkeyed");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM orders AS o"
        + " JOIN rates FOR SYSTEM_TIME AS OF o.ots AS r ON o.n = r.rate"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("primary key [currency] must be included");
  }

  @Test
  void anUpdatingLeftSideIsRejected() {
    tEnv.executeSql("CREATE TEMPORARY VIEW latest AS SELECT currency, MAX(ots) AS ots FROM orders GROUP BY currency");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM latest AS l"
        + " JOIN rates FOR SYSTEM_TIME AS OF l.ots AS r ON l.currency = r.currency"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("updating");
  }

  @Test
  void aJoinOfAJdbcTableAsOfATimeThatIsNoTimeAttributeIsRejected() {
    tEnv.executeSql("CREATE TABLE customers (currency STRING, name STRING) WITH ('connector' = 'jdbc',"
        + " 'url' = 'jdbc:postgresql://localhost:5432/shop', 'table-name' = 'customers')");
    tEnv.executeSql("CREATE TABLE plain (currency STRING, t TIMESTAMP(3)) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '1')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM plain AS p"
        + " JOIN customers FOR SYSTEM_TIME AS OF p.t AS c ON p.currency = c.currency"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("Processing-time temporal join is not supported yet")
        .hasMessageContaining("event-time attribute");
  }
}
