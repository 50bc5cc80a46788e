package io.spate.table.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.types.Row;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.Column;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.connector.source.LookupTableSource;
import io.spate.table.connector.source.lookup.AsyncLookupFunctionProvider;
import io.spate.table.factories.DynamicTableFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.functions.AsyncLookupFunction;
import io.spate.table.functions.FunctionContext;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.VarCharType;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lookup function of a {@code jdbc} table and its cache: without one every lookup sees the
 * database as it is; with {@code PARTIAL} a changed row is seen once its key expired, and a missing
 * key is cached or not as {@code cache-missing-key} says.
 */
class JdbcLookupCacheTest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static AsyncLookupFunction lookupOf(String table, Map<String, String> extra) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("connector", "jdbc", "url", db.url(), "table-name", table,
        "username", db.user(), "password", ""));
    options.putAll(extra);
    CatalogTable catalogTable = new CatalogTable(ObjectIdentifier.of("default_catalog", "default_database", table),
        List.of(new Column.PhysicalColumn("id", new IntType(), null),
            new Column.PhysicalColumn("name", VarCharType.STRING_TYPE, null)),
        null, List.of("id"), options, null, List.of());
    LookupTableSource source = (LookupTableSource) FactoryUtil.createDynamicTableSource(
        new DynamicTableFactory.Context() {
          @Override
          public ObjectIdentifier getObjectIdentifier() {
            return catalogTable.getIdentifier();
          }

          @Override
          public CatalogTable getCatalogTable() {
            return catalogTable;
          }

          @Override
          public ReadableConfig getConfiguration() {
            return new Configuration();
          }

          @Override
          public ClassLoader getClassLoader() {
            return JdbcLookupCacheTest.class.getClassLoader();
          }

          @Override
          public boolean isTemporary() {
            return false;
          }
        });
    AsyncLookupFunction function = ((AsyncLookupFunctionProvider) source.getLookupRuntimeProvider(
        () -> new int[][] {{0}})).createAsyncLookupFunction();
    function.open(new FunctionContext(Map.of(), JdbcLookupCacheTest.class.getClassLoader()));
    return function;
  }

  private static List<Row> lookup(AsyncLookupFunction function, int id) throws Exception {
    return new ArrayList<>(function.asyncLookup(Row.of(id)).get(30, TimeUnit.SECONDS));
  }

  @Test
  void withoutACacheEveryLookupSeesTheDatabaseNow() throws Exception {
    db.execute("CREATE TABLE uncached (id INT PRIMARY KEY, name TEXT)", "INSERT INTO uncached VALUES (1, 'one')");
    AsyncLookupFunction function = lookupOf("uncached", Map.of());
    try {
      assertThat(lookup(function, 1)).containsExactly(Row.of(1, "one"));
      db.execute("UPDATE uncached SET name = 'uno' WHERE id = 1", "INSERT INTO uncached VALUES (2, 'two')");
      assertThat(lookup(function, 1)).containsExactly(Row.of(1, "uno"));
      assertThat(lookup(function, 2)).containsExactly(Row.of(2, "two"));
      assertThat(lookup(function, 3)).isEmpty();
    } finally {
      function.close();
    }
  }

  @Test
  void aChangedRowIsSeenOnceItsCachedKeyExpired() throws Exception {
    db.execute("CREATE TABLE cached (id INT PRIMARY KEY, name TEXT)", "INSERT INTO cached VALUES (1, 'one')");
    AsyncLookupFunction function = lookupOf("cached", Map.of("lookup.cache", "PARTIAL",
        "lookup.partial-cache.max-rows", "10", "lookup.partial-cache.expire-after-write", "2 s"));
    try {
      long cachedAt = System.nanoTime();
      assertThat(lookup(function, 1)).containsExactly(Row.of(1, "one"));
      assertThat(lookup(function, 7)).isEmpty();
      db.execute("UPDATE cached SET name = 'uno' WHERE id = 1", "INSERT INTO cached VALUES (7, 'seven')");
      List<Row> cachedRow = lookup(function, 1);
      List<Row> cachedMiss = lookup(function, 7);
      // On a machine so slow that two seconds passed, the entries may have expired already.
      if (System.nanoTime() - cachedAt < Duration.ofMillis(1900).toNanos()) {
        assertThat(cachedRow).as("still cached").containsExactly(Row.of(1, "one"));
        assertThat(cachedMiss).as("a missing key is cached too by default").isEmpty();
      }
      Await.until(Duration.ofSeconds(30), "the change seen after expiry",
          () -> lookup(function, 1).equals(List.of(Row.of(1, "uno"))));
      Await.until(Duration.ofSeconds(30), "the new key seen after its miss expired",
          () -> lookup(function, 7).equals(List.of(Row.of(7, "seven"))));
    } finally {
      function.close();
    }
  }

  @Test
  void aMissingKeyIsNotCachedIfTheTableSaysSo() throws Exception {
    db.execute("CREATE TABLE misses (id INT PRIMARY KEY, name TEXT)");
    AsyncLookupFunction function = lookupOf("misses", Map.of("lookup.cache", "PARTIAL",
        "lookup.partial-cache.max-rows", "10", "lookup.partial-cache.expire-after-write", "1 h",
        "lookup.partial-cache.cache-missing-key", "false"));
    try {
      assertThat(lookup(function, 1)).isEmpty();
      db.execute("INSERT INTO misses VALUES (1, 'one')");
      assertThat(lookup(function, 1)).containsExactly(Row.of(1, "one"));
      db.execute("UPDATE misses SET name = 'uno'");
      assertThat(lookup(function, 1)).as("a found key is cached for an hour").containsExactly(Row.of(1, "one"));
    } finally {
      function.close();
    }
  }
}
