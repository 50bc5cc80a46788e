package io.spate.table.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lookup joins of a stream with a {@code jdbc} table ({@code JOIN customers FOR SYSTEM_TIME AS OF
 * o.proc_time}): inner and LEFT, by one or two key columns with a further condition on the row
 * found, with and without a cache; their plan; and the refusal of a processing-time temporal join
 * on a table that cannot be looked up.
 */
class JdbcLookupJoinE2ETest {

  private static PostgresTestDatabase db;
  private TableEnvironment tEnv;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
    db.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, region TEXT)",
        "INSERT INTO orders VALUES (1, 10, 'north'), (2, 20, 'south'), (3, 10, 'south'), (4, 30, 'north'),"
            + " (5, NULL, 'north'), (6, 20, 'north')",
        "CREATE TABLE customers (id INT, region TEXT, name TEXT, vip BOOLEAN, PRIMARY KEY (id, region))",
        "INSERT INTO customers VALUES (10, 'north', 'Ann', true), (10, 'south', 'Ann S', false),"
            + " (20, 'south', 'Bob', true), (20, 'west', 'Bob W', true)");
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE orders (id INT, customer_id INT, region STRING, proc_time AS PROCTIME())"
        + JdbcTableE2ETest.with(db, "orders", ""));
  }

  private void customers(String options) {
    tEnv.executeSql("CREATE TABLE customers (id INT, region STRING, name STRING, vip BOOLEAN,"
        + " PRIMARY KEY (id, region) NOT ENFORCED)" + JdbcTableE2ETest.with(db, "customers", options));
  }

  private List<Row> rows(String query) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(query).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void anInnerLookupJoinByOneKeyFindsEveryRowOfTheKey() {
    customers("");
    assertThat(rows("SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c"
        + " ON o.customer_id = c.id")).containsExactlyInAnyOrder(
            Row.of(1, "Ann"), Row.of(1, "Ann S"), Row.of(3, "Ann"), Row.of(3, "Ann S"),
            Row.of(2, "Bob"), Row.of(2, "Bob W"), Row.of(6, "Bob"), Row.of(6, "Bob W"));
  }

  @Test
  void aLeftLookupJoinByTwoKeysWithAConditionOnTheRowFoundPadsWithNulls() {
    customers("'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '100',"
        + " 'lookup.partial-cache.expire-after-write' = '1 h'");
    assertThat(rows("SELECT o.id, c.name, c.vip FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF"
        + " o.proc_time AS c ON o.customer_id = c.id AND o.region = c.region AND c.vip")).containsExactlyInAnyOrder(
            Row.of(1, "Ann", true), Row.of(2, "Bob", true), Row.of(3, null, null), Row.of(4, null, null),
            Row.of(5, null, null), Row.of(6, null, null));
  }

  @Test
  void cachedAndUncachedLookupsGiveTheSameJoin() {
    String query = "SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c"
        + " ON o.customer_id + 0 = c.id AND c.region = 'south'";
    customers("");
    List<Row> uncached = rows(query);
    tEnv.executeSql("DROP TABLE customers");
    customers("'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '1',"
        + " 'lookup.partial-cache.expire-after-access' = '10 min', 'lookup.partial-cache.cache-missing-key' = 'false'");
    assertThat(rows(query)).containsExactlyInAnyOrderElementsOf(uncached)
        .containsExactlyInAnyOrder(Row.of(1, "Ann S"), Row.of(3, "Ann S"), Row.of(2, "Bob"), Row.of(6, "Bob"));
  }

  @Test
  void aComputedKeyAndAConditionOnTheRowFoundGiveTheSameJoinGeneratedAndInterpreted() {
    // The key is customer_id * 2 - customer_id (customer_id itself, computed), the condition compares both sides.
    String query = "SELECT o.id, c.name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c"
        + " ON o.customer_id * 2 - o.customer_id = c.id AND (c.region <> o.region OR o.id > 2)";
    customers("");
    assertThat(tEnv.explainSql(query)).contains("LookupJoin(");
    List<Row> generated = rows(query);
    tEnv.getConfig().set("table.exec.spate.codegen.enabled", "false");
    List<Row> interpreted = rows(query);
    // Order 1 (10, north) finds Ann S of the south; 2 (20, south) Bob W of the west; 3 (10, south) both of 10;
    // 6 (20, north) both of 20; 4 (30) and 5 (NULL) find nothing.
    assertThat(generated).containsExactlyInAnyOrderElementsOf(interpreted).containsExactlyInAnyOrder(
        Row.of(1, "Ann S"), Row.of(2, "Bob W"), Row.of(3, "Ann"), Row.of(3, "Ann S"), Row.of(6, "Bob"),
        Row.of(6, "Bob W"), Row.of(4, null), Row.of(5, null));
  }

  @Test
  void rowsEnrichedByALookupJoinKeepTheirEventTimeForAWindowAggregate() {
    customers("'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '100'");
    tEnv.executeSql("CREATE TABLE sales (n INT, customer_id AS n % 3 * 10,"
        + " ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3)),"
        + " proc_time AS PROCTIME(), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
        + " 'fields.n.kind' = 'sequence', 'fields.n.start' = '0', 'fields.n.end' = '29')");
    tEnv.executeSql("CREATE TEMPORARY VIEW enriched AS SELECT s.n, s.ts, c.name FROM sales AS s"
        + " JOIN customers FOR SYSTEM_TIME AS OF s.proc_time AS c ON s.customer_id = c.id AND c.region = 'south'");
    // n % 3 = 1 finds Ann S (10), n % 3 = 2 finds Bob (20), n % 3 = 0 (key 0) finds nobody.
    assertThat(rows("SELECT window_start, name, COUNT(*) AS sales FROM TABLE(TUMBLE(TABLE enriched,"
        + " DESCRIPTOR(ts), INTERVAL '15' SECOND)) GROUP BY window_start, window_end, name"))
        .containsExactlyInAnyOrder(
            Row.of(java.time.LocalDateTime.of(2024, 1, 1, 0, 0, 0), "Ann S", 5L),
            Row.of(java.time.LocalDateTime.of(2024, 1, 1, 0, 0, 0), "Bob", 5L),
            Row.of(java.time.LocalDateTime.of(2024, 1, 1, 0, 0, 15), "Ann S", 5L),
            Row.of(java.time.LocalDateTime.of(2024, 1, 1, 0, 0, 15), "Bob", 5L));
  }

  @Test
  void explainNamesTheLookupJoinWithItsKeysAndItIsInsertOnly() {
    customers("");
    String plan = tEnv.explainSql("SELECT o.id, c.name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF"
        + " o.proc_time AS c ON o.customer_id = c.id AND c.region = o.region",
        io.spate.table.api.ExplainDetail.CHANGELOG_MODE);
    assertThat(plan).contains("LookupJoin(table=[default_catalog.default_database.customers],"
        + " joinType=[LeftOuterJoin], lookup=[id=customer_id, region=region]")
        .containsPattern("LookupJoin\\(.*changelogMode=\\[I\\]");
  }

  @Test
  void aProcessingTimeTemporalJoinOnATableThatCannotBeLookedUpFails() {
    tEnv.executeSql("CREATE TABLE rates (id INT, rate INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF"
        + " o.proc_time AS r ON o.customer_id = r.id"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("Processing-time temporal join is not supported yet")
        .hasMessageContaining("default_catalog.default_database.rates");
  }

  @Test
  void aLookupJoinNeedsAKeyEquality() {
    customers("");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT o.id FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF"
        + " o.proc_time AS c ON o.customer_id > c.id"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("requires an equality condition on fields of table");
  }
}
