package io.spate.table.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queries over a source that skips the rows its readers' filters reject ({@code SupportsFilterPushDown},
 * the {@code nexmark} source by {@code event_type}) give the results of the same queries over every row
 * ({@code table.optimizer.source.predicate-pushdown-enabled} off), and {@code EXPLAIN} shows the filters.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FilterPushDownE2ETest {

  private static final String PUSHDOWN = "table.optimizer.source.predicate-pushdown-enabled";

  /** Conditions a reader may put on the table: on event_type alone, mixed with others, or none on it. */
  private static final List<String> CONDITIONS = List.of(
      "event_type = 2", "event_type = 0", "event_type = 1", "event_type <> 2", "event_type IN (0, 1)",
      "NOT (event_type = 1)", "event_type = 2 AND bid.price > 5000000", "event_type = 0 OR bid.price < 1000",
      "MOD(event_type, 2) = 0", "event_type = 2 AND MOD(bid.auction, 7) = 3", "event_type = 5",
      "auction.category = 10 OR event_type = 0", "dateTime IS NOT NULL AND event_type = 1");

  private static TableEnvironment nexmark(boolean pushdown) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.getConfig().set(PUSHDOWN, String.valueOf(pushdown));
    tEnv.executeSql(NexmarkTableE2ETest.NEXMARK_DDL.replace("'10000000'", "'1000'"));
    return tEnv;
  }

  private static List<Row> rows(TableEnvironment tEnv, String query) throws Exception {
    return ProjectionPushDownE2ETest.rows(tEnv, query);
  }

  @Test
  void readersWithRandomConditionsGetTheRowsTheyGetWithoutPushdown() {
    qt().withFixedSeed(20261129L).withExamples(6)
        .forAll(lists().of(integers().between(0, CONDITIONS.size() - 1)).ofSizeBetween(1, 3))
        .checkAssert(picked -> {
          // One reader per condition, all over one source: it may skip only what every reader rejects.
          StringJoiner union = new StringJoiner(" UNION ALL ");
          for (int i = 0; i < picked.size(); i++) {
            union.add("SELECT " + i + " AS reader, event_type, person.id, auction.id, bid.auction, bid.price, dateTime"
                + " FROM datagen WHERE " + CONDITIONS.get(picked.get(i)));
          }
          String query = union.toString();
          try {
            List<Row> pushed = rows(nexmark(true), query);
            assertThat(pushed).as(query).containsExactlyInAnyOrderElementsOf(rows(nexmark(false), query));
          } catch (Exception e) {
            throw new AssertionError(query, e);
          }
        });
  }

  @Test
  void explainShowsTheFiltersTheSourceTook() {
    TableEnvironment tEnv = nexmark(true);
    assertThat(tEnv.explainSql("SELECT bid.price FROM datagen WHERE event_type = 2 AND bid.price > 10"))
        .contains("filter=[(event_type = 2)]");
    // Two readers: the source keeps what either keeps.
    assertThat(tEnv.explainSql("SELECT person.id FROM datagen WHERE event_type = 0"
        + " UNION ALL SELECT auction.id FROM datagen WHERE event_type = 1"))
        .contains("filter=[((event_type = 0) OR (event_type = 1))]");
    // A reader with no filter reads every row, and so does a filter on nothing the source can test.
    assertThat(tEnv.explainSql("SELECT person.id FROM datagen WHERE event_type = 0"
        + " UNION ALL SELECT bid.price FROM datagen")).doesNotContain("filter=");
    assertThat(tEnv.explainSql("SELECT bid.price FROM datagen WHERE bid.price > 10")).doesNotContain("filter=");
    assertThat(nexmark(false).explainSql("SELECT bid.price FROM datagen WHERE event_type = 2"))
        .doesNotContain("filter=");
  }

  @Test
  void windowsOverTheFilteredRowsKeepTheirResults() throws Exception {
    // The watermarks come from the rows the source gives, here the auctions only.
    String query = "SELECT window_start, COUNT(*), MAX(auction.initialBid) FROM TABLE(TUMBLE(TABLE datagen,"
        + " DESCRIPTOR(dateTime), INTERVAL '0.1' SECOND)) WHERE event_type = 1 GROUP BY window_start, window_end";
    List<Row> pushed = rows(nexmark(true), query);
    assertThat(pushed.stream().mapToLong(row -> (Long) row.getField(1)).sum()).isEqualTo(2000 * 3 / 50);
    assertThat(pushed).containsExactlyInAnyOrderElementsOf(rows(nexmark(false), query));
  }
}
