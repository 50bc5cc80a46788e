package io.spate.table.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code jdbc} SQL connector against a real PostgreSQL: a GROUP BY written into a table with a
 * primary key by upserts and deletes, append-only inserts, the refusal of an updating query without
 * a key, and scans with and without partitioning.
 */
class JdbcTableE2ETest {

  private static PostgresTestDatabase db;
  private TableEnvironment tEnv;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
  }

  /** The WITH clause of a jdbc table {@code name} of the test database, with {@code more} options. */
  static String with(PostgresTestDatabase db, String name, String more) {
    return " WITH ('connector' = 'jdbc', 'url' = '" + db.url() + "', 'table-name' = '" + name + "',"
        + " 'username' = '" + db.user() + "', 'password' = ''" + (more.isEmpty() ? "" : ", " + more) + ")";
  }

  private List<Row> rows(String query) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(query).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static final String WORDS = "(VALUES ('a', 1), ('b', 2), ('a', 3), ('c', 4), ('b', 5), ('a', 6), ('d', 7),"
      + " ('c', 8), ('e', 9)) AS t(w, n)";

  @Test
  void aGroupByIsUpsertedIntoATableWithAPrimaryKey() throws Exception {
    db.execute("CREATE TABLE word_totals (w TEXT PRIMARY KEY, cnt BIGINT, total INT)");
    tEnv.executeSql("CREATE TABLE word_totals (w STRING, cnt BIGINT, total INT, PRIMARY KEY (w) NOT ENFORCED)"
        + with(db, "word_totals", "'sink.buffer-flush.max-rows' = '2'"));
    tEnv.executeSql("INSERT INTO word_totals SELECT w, COUNT(*), SUM(n) FROM " + WORDS + " GROUP BY w").await();
    assertThat(db.query("SELECT w, cnt, total FROM word_totals ORDER BY w")).containsExactly(
        List.of("a", 3L, 10), List.of("b", 2L, 7), List.of("c", 2L, 12), List.of("d", 1L, 7), List.of("e", 1L, 9));
  }

  @Test
  void aSinkOfAnotherParallelismGetsEachKeysChangesInOrder() throws Exception {
    db.execute("CREATE TABLE mod_totals (k INT PRIMARY KEY, cnt BIGINT, total BIGINT)");
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
        + " 'fields.n.start' = '0', 'fields.n.end' = '1999')");
    tEnv.executeSql("CREATE TABLE mod_totals (k INT, cnt BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED)"
        + with(db, "mod_totals", "'sink.parallelism' = '3', 'sink.buffer-flush.max-rows' = '1'"));
    tEnv.executeSql("INSERT INTO mod_totals SELECT CAST(n % 5 AS INT), COUNT(*), SUM(n) FROM numbers"
        + " GROUP BY CAST(n % 5 AS INT)").await();
    List<List<Object>> expected = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      long total = 0;
      for (long n = k; n < 2000; n += 5) {
        total += n;
      }
      expected.add(List.of(k, 400L, total));
    }
    assertThat(db.query("SELECT k, cnt, total FROM mod_totals ORDER BY k")).isEqualTo(expected);
  }

  @Test
  void deletesOfTheQueryDeleteByKey() throws Exception {
    // How many words occur how often: a count's row is deleted once no word has that count any more.
    db.execute("CREATE TABLE count_counts (cnt BIGINT PRIMARY KEY, words BIGINT)");
    tEnv.executeSql("CREATE TABLE count_counts (cnt BIGINT, words BIGINT, PRIMARY KEY (cnt) NOT ENFORCED)"
        + with(db, "count_counts", "'sink.buffer-flush.max-rows' = '1'"));
    tEnv.executeSql("INSERT INTO count_counts SELECT cnt, COUNT(*) FROM (SELECT w, COUNT(*) AS cnt FROM " + WORDS
        + " GROUP BY w) GROUP BY cnt").await();
    assertThat(db.query("SELECT cnt, words FROM count_counts ORDER BY cnt"))
        .containsExactly(List.of(1L, 2L), List.of(2L, 2L), List.of(3L, 1L));
  }

  @Test
  void anInsertOnlyQueryIsAppendedToATableWithoutAKey() throws Exception {
    db.execute("CREATE TABLE appended (w TEXT, n INT)");
    tEnv.executeSql("CREATE TABLE appended (w STRING, n INT)" + with(db, "appended", ""));
    tEnv.executeSql("INSERT INTO appended SELECT w, n * 10 FROM " + WORDS + " WHERE n > 6").await();
    tEnv.executeSql("INSERT INTO appended VALUES ('a', 1)").await();
    assertThat(db.query("SELECT w, n FROM appended ORDER BY n")).containsExactly(
        List.of("a", 1), List.of("d", 70), List.of("c", 80), List.of("e", 90));
  }

  @Test
  void anUpdatingQueryIntoATableWithoutAKeyIsRefusedNamingTheTable() {
    tEnv.executeSql("CREATE TABLE no_key (w STRING, cnt BIGINT)" + with(db, "no_key", ""));
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO no_key SELECT w, COUNT(*) FROM " + WORDS + " GROUP BY w"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("default_catalog.default_database.no_key")
        .hasMessageContaining("GroupAggregate");
  }

  @Test
  void aScanReadsTheTableWholeOrInPartitions() {
    db.execute("CREATE TABLE scanned (id BIGINT PRIMARY KEY, name TEXT, price NUMERIC(10, 2))",
        "INSERT INTO scanned SELECT i, 'item-' || i, i * 1.5 FROM generate_series(1, 100) AS i");
    String columns = "(id BIGINT, name STRING, price DECIMAL(10, 2))";
    tEnv.executeSql("CREATE TABLE whole " + columns + with(db, "scanned", "'scan.fetch-size' = '7'"));
    tEnv.executeSql("CREATE TABLE parts " + columns + with(db, "scanned", "'scan.partition.column' = 'id',"
        + " 'scan.partition.num' = '4', 'scan.partition.lower-bound' = '1', 'scan.partition.upper-bound' = '100',"
        + " 'scan.auto-commit' = 'false', 'scan.fetch-size' = '10'"));
    List<Row> expected = new ArrayList<>();
    for (long i = 1; i <= 100; i++) {
      expected.add(Row.of(i, "item-" + i, new BigDecimal(i * 15).movePointLeft(1).setScale(2)));
    }
    assertThat(rows("SELECT * FROM whole")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows("SELECT * FROM parts")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows("SELECT COUNT(*) FROM parts WHERE price > 100")).last().isEqualTo(Row.ofKind(
        io.spate.api.types.RowKind.UPDATE_AFTER, 34L));
  }
}
