package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which columns of a result are time attributes, as in Flink: the table's rowtime column stays one through
 * projections, filters, OVER aggregates and a deduplication keeping the first row, so that a window table
 * function can group those rows. Flink's result schema also marks the column where a Top-N, a deduplication keeping
 * the last row, a regular join or a group key passes it on, and the {@code MAX} or {@code MIN} of it, though a window
 * table function takes none of those; so does it mark an expression whose type Flink takes from the column's
 * ({@code COALESCE}, {@code CASE}, {@code IF}, {@code NULLIF}, {@code + INTERVAL}), which is no time attribute either.
 */
class SqlResultTimeAttributesE2ETest {

  private static final String FIRST_ORDERS = "SELECT customer, order_time FROM (SELECT *, ROW_NUMBER() OVER"
      + " (PARTITION BY customer ORDER BY order_time %s) AS rn FROM orders) WHERE rn = 1";

  private TableEnvironment tEnv;

  @BeforeEach
  void orders(@TempDir Path dir) throws Exception {
    // Customer a orders at 10:01 and 10:12, b at 10:03, c at 10:14 and 10:02 (late by 12 minutes).
    Files.writeString(dir.resolve("orders.csv"), String.join("\n", "1,a,2024-03-01 10:01:00",
        "2,b,2024-03-01 10:03:00", "3,a,2024-03-01 10:12:00", "4,c,2024-03-01 10:14:00",
        "5,c,2024-03-01 10:02:00") + "\n");
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("CREATE TABLE orders (id INT, customer STRING, order_time TIMESTAMP(3),"
        + " WATERMARK FOR order_time AS order_time - INTERVAL '15' MINUTE) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + dir.resolve("orders.csv") + "', 'format' = 'csv')");
  }

  @Test
  void theResultsSchemaMarksTheColumnsThatStayTimeAttributes() {
    assertThat(types("SELECT id, order_time, order_time + INTERVAL '1' SECOND AS later FROM orders WHERE id > 1"))
        .containsExactly("INT", "TIMESTAMP(3) *ROWTIME*", "TIMESTAMP(3) *ROWTIME*");
    assertThat(types("SELECT order_time, COUNT(*) OVER (PARTITION BY customer ORDER BY order_time) FROM orders"))
        .containsExactly("TIMESTAMP(3) *ROWTIME*", "BIGINT NOT NULL");
    assertThat(types(FIRST_ORDERS.formatted("ASC"))).containsExactly("STRING", "TIMESTAMP(3) *ROWTIME*");
    assertThat(types(FIRST_ORDERS.formatted("DESC"))).containsExactly("STRING", "TIMESTAMP(3) *ROWTIME*");
    assertThat(types("SELECT customer, order_time FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY"
        + " order_time) AS rn FROM orders) WHERE rn <= 2")).containsExactly("STRING", "TIMESTAMP(3) *ROWTIME*");
  }

  @Test
  void theMaxAndMinOfATimeAttributeAreMarkedButNoTimeAttributeForWhatFollows() {
    assertThat(types("SELECT customer, MAX(order_time), MIN(order_time), MAX(id) FROM orders GROUP BY customer"))
        .containsExactly("STRING", "TIMESTAMP(3) *ROWTIME*", "TIMESTAMP(3) *ROWTIME*", "INT");
    assertThat(types("SELECT order_time, COUNT(*) FROM orders GROUP BY order_time"))
        .containsExactly("TIMESTAMP(3) *ROWTIME*", "BIGINT NOT NULL");
    assertThat(types("SELECT window_start, MAX(order_time) AS last_time FROM TABLE(TUMBLE(TABLE orders,"
        + " DESCRIPTOR(order_time), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end"))
        .containsExactly("TIMESTAMP(3) NOT NULL", "TIMESTAMP(3) *ROWTIME*");
    assertThat(types("SELECT MAX(CAST(order_time AS TIMESTAMP(3))) FROM orders")).containsExactly("TIMESTAMP(3)");
    assertThat(types("SELECT o.id, o.order_time, p.order_time FROM orders AS o LEFT JOIN orders AS p ON o.id = p.id + 1"))
        .containsExactly("INT", "TIMESTAMP(3) *ROWTIME*", "TIMESTAMP(3) *ROWTIME*");
    tEnv.executeSql("CREATE VIEW latest AS SELECT customer, MAX(order_time) AS last_time FROM orders GROUP BY customer");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE latest,"
        + " DESCRIPTOR(last_time), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end"))
        .hasMessageContaining("TUMBLE");
  }

  @Test
  void anExpressionTypedAsItsTimeAttributeIsMarkedButNoTimeAttributeForWhatFollows() {
    assertThat(types("SELECT COALESCE(order_time, TIMESTAMP '2024-01-01 00:00:00'), NULLIF(order_time, TIMESTAMP"
        + " '2024-01-01 00:00:00'), IF(id > 1, order_time, order_time + INTERVAL '1' MINUTE), order_time - INTERVAL"
        + " '1' SECOND, CASE WHEN id > 1 THEN order_time END FROM orders"))
        .containsExactly("TIMESTAMP(3) NOT NULL *ROWTIME*", "TIMESTAMP(3) *ROWTIME*", "TIMESTAMP(3) *ROWTIME*",
            "TIMESTAMP(3) *ROWTIME*", "TIMESTAMP(3) *ROWTIME*");
    // A user's CAST, a function with a type of its own, and a value of a wider precision give plain timestamps.
    assertThat(types("SELECT CAST(order_time AS TIMESTAMP(3)), GREATEST(order_time, TIMESTAMP '2024-01-01 00:00:00'),"
        + " COALESCE(order_time, TIMESTAMP '2024-01-01 00:00:00.123456') FROM orders"))
        .containsExactly("TIMESTAMP(3)", "TIMESTAMP(3)", "TIMESTAMP(6) NOT NULL");
    tEnv.executeSql("CREATE VIEW later AS SELECT id, order_time + INTERVAL '1' SECOND AS later_time FROM orders");
    assertThat(types("SELECT * FROM later")).containsExactly("INT", "TIMESTAMP(3) *ROWTIME*");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE later,"
        + " DESCRIPTOR(later_time), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end"))
        .hasMessageContaining("later_time is a plain TIMESTAMP(3)");
  }

  @Test
  void aQuerysTableShowsTheTimeAttributesItsResultShows() {
    for (String query : List.of("SELECT id, order_time, order_time + INTERVAL '1' SECOND AS later FROM orders",
        "SELECT order_time, COUNT(*) OVER (PARTITION BY customer ORDER BY order_time) FROM orders",
        FIRST_ORDERS.formatted("ASC"), FIRST_ORDERS.formatted("DESC"),
        "SELECT window_time, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '10' MINUTE))"
            + " GROUP BY window_start, window_end, window_time")) {
      List<String> table = tEnv.sqlQuery(query).getResolvedSchema().getColumnTypes().stream()
          .map(t -> t.asSummaryString()).toList();
      assertThat(table).as(query).isEqualTo(types(query));
    }
    assertThat(tEnv.sqlQuery("SELECT order_time FROM orders").getResolvedSchema().getColumnTypes().get(0)
        .asSummaryString()).isEqualTo("TIMESTAMP(3) *ROWTIME*");
  }

  @Test
  void aLegacyGroupWindowsRowtimeIsNullableAsItsTimeColumnAWindowFunctionsWindowTimeIsNot() {
    // As Flink types them: TUMBLE_ROWTIME takes the time column's nullability, window_time is NOT NULL.
    assertThat(types("SELECT TUMBLE_ROWTIME(order_time, INTERVAL '10' MINUTE), COUNT(*) FROM orders"
        + " GROUP BY TUMBLE(order_time, INTERVAL '10' MINUTE)"))
        .containsExactly("TIMESTAMP(3) *ROWTIME*", "BIGINT NOT NULL");
    assertThat(types("SELECT SESSION_ROWTIME(order_time, INTERVAL '10' MINUTE), customer FROM orders"
        + " GROUP BY customer, SESSION(order_time, INTERVAL '10' MINUTE)"))
        .containsExactly("TIMESTAMP(3) *ROWTIME*", "STRING");
    assertThat(types("SELECT window_time FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '10'"
        + " MINUTE)) GROUP BY window_start, window_end, window_time"))
        .containsExactly("TIMESTAMP(3) NOT NULL *ROWTIME*");
    tEnv.executeSql("CREATE TABLE ticks (ts TIMESTAMP(3) NOT NULL, WATERMARK FOR ts AS ts) WITH ('connector' ="
        + " 'datagen', 'number-of-rows' = '1')");
    assertThat(types("SELECT HOP_ROWTIME(ts, INTERVAL '5' MINUTE, INTERVAL '10' MINUTE) FROM ticks"
        + " GROUP BY HOP(ts, INTERVAL '5' MINUTE, INTERVAL '10' MINUTE)"))
        .containsExactly("TIMESTAMP(3) NOT NULL *ROWTIME*");
  }

  @Test
  void aWindowTableFunctionGroupsTheFirstRowsOfADeduplication() throws Exception {
    tEnv.executeSql("CREATE VIEW first_orders AS " + FIRST_ORDERS.formatted("ASC"));
    List<Row> rows = rows(tEnv.executeSql("SELECT window_start, COUNT(*) AS customers FROM TABLE(TUMBLE("
        + "TABLE first_orders, DESCRIPTOR(order_time), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end"));
    // First orders: a at 10:01, b at 10:03, c at 10:02 (its earliest, within the watermark's 15 minutes).
    assertThat(rows).containsExactly(Row.of(LocalDateTime.of(2024, 3, 1, 10, 0), 3L));
  }

  @Test
  void aWindowTableFunctionGroupsTheChangelogOfALastRowDeduplication() throws Exception {
    tEnv.executeSql("CREATE VIEW last_orders AS " + FIRST_ORDERS.formatted("DESC"));
    String query = "SELECT window_start, COUNT(*) AS customers FROM TABLE(TUMBLE(TABLE last_orders,"
        + " DESCRIPTOR(order_time), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end";
    // The deduplication updates; the window aggregate over it emits each window once, as an insert.
    String plan = tEnv.explainSql(query, ExplainDetail.CHANGELOG_MODE);
    String optimized = plan.substring(plan.indexOf("== Optimized"));
    assertThat(optimized).contains("LogicalAggregate(group=[{0, 1}], customers=[COUNT()], changelogMode=[I])")
        .contains("LogicalFilter(condition=[=($3, 1)], changelogMode=[I,UB,UA,D])");
    List<Row> rows = rows(tEnv.executeSql(query));
    // Last orders: a at 10:12 (its 10:01 taken back), b at 10:03, c at 10:14 (its 10:02 is older, so no update).
    assertThat(rows).containsExactlyInAnyOrder(Row.of(LocalDateTime.of(2024, 3, 1, 10, 0), 1L),
        Row.of(LocalDateTime.of(2024, 3, 1, 10, 10), 2L));
  }

  private List<String> types(String query) {
    TableResult result = tEnv.executeSql(query);
    result.getJobClient().ifPresent(job -> job.cancel());
    return result.getResolvedSchema().getColumnTypes().stream().map(t -> t.asSummaryString()).toList();
  }
}
