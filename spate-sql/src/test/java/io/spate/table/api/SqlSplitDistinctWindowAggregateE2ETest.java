package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Split distinct aggregation of window TVF aggregates: the partial aggregate groups by the windows,
 * keys and buckets, the final one by the partial one's windows and keys (a cascade); each window's rows
 * are those of the unsplit aggregate, inserted once. SESSION windows stay unsplit.
 */
class SqlSplitDistinctWindowAggregateE2ETest {

  private static final String SELECT = "SELECT window_start, window_end, item, COUNT(*) AS bids,"
      + " COUNT(DISTINCT bidder) AS bidders, COUNT(DISTINCT bidder) FILTER (WHERE price < 50) AS cheap_bidders,"
      + " COUNT(DISTINCT auction) AS auctions, SUM(DISTINCT price) AS prices, MAX(price) AS hi FROM TABLE(%s)"
      + " GROUP BY window_start, window_end, item";

  private static TableEnvironment session(boolean split) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.enabled", String.valueOf(split));
    tEnv.getConfig().set("table.optimizer.distinct-agg.split.bucket-num", "8");
    // Bid n at n seconds past 2024-01-01 00:00; six in ten bids are for the hot item 0.
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          item AS CAST(CASE WHEN n % 10 < 6 THEN 0 ELSE n % 4 END AS INT),
          bidder AS n * 7 % 13,
          auction AS n % 5,
          price AS n * 37 % 100,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '299', 'rows-per-second' = '100000')""");
    return tEnv;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)",
      "HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)",
      "CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '20' SECOND)"})
  void aSplitWindowAggregateInsertsTheUnsplitRows(String window) {
    String query = String.format(SELECT, window);
    TableEnvironment split = session(true);
    assertThat(split.explainSql(query)).contains("partialFinalType=[PARTIAL]", "partialFinalType=[FINAL]", "Expand");

    List<Row> splitRows = TableResults.rows(split.executeSql(query));
    List<Row> unsplitRows = TableResults.rows(session(false).executeSql(query));

    assertThat(splitRows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(splitRows).isNotEmpty().containsExactlyInAnyOrderElementsOf(unsplitRows);
  }

  /**
   * AVG, FIRST_VALUE, LAST_VALUE and LISTAGG split in window aggregates too. Read in one subtask, the bids come
   * in order of {@code n}: the split averages and lists' elements are the unsplit ones, and the split FIRST_VALUE
   * (LAST_VALUE) is the first (last) price of the bids of one of the window's bidders (the partial level buckets
   * by bidder), computed here from the bids themselves.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)",
      "HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)",
      "CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '20' SECOND)"})
  void avgFirstLastValueAndListAggSplitInWindowAggregates(String window) {
    String query = String.format("SELECT window_start, window_end, item, COUNT(DISTINCT bidder) AS bidders,"
        + " AVG(price) AS ap, AVG(DISTINCT auction) AS aa, FIRST_VALUE(price) AS fp, LAST_VALUE(price) AS lp,"
        + " LISTAGG(CAST(price AS STRING)) AS ps FROM TABLE(%s) GROUP BY window_start, window_end, item", window);
    TableEnvironment split = session(true);
    split.getConfig().set("parallelism.default", "1");
    TableEnvironment unsplit = session(false);
    unsplit.getConfig().set("parallelism.default", "1");
    String plan = split.explainSql(query);
    assertThat(plan).contains("partialFinalType=[FINAL]", "$AVG_MERGE(", "FIRST_VALUE(", "LAST_VALUE(", "LISTAGG(");

    List<Row> splitRows = TableResults.rows(split.executeSql(query));
    Map<List<Object>, Row> unsplitRows = new HashMap<>();
    for (Row row : TableResults.rows(unsplit.executeSql(query))) {
      unsplitRows.put(List.of(row.getField(0), row.getField(1), row.getField(2)), row);
    }
    assertThat(splitRows).isNotEmpty().hasSameSizeAs(unsplitRows.values());
    LocalDateTime zero = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (Row row : splitRows) {
      assertThat(row.getKind()).isEqualTo(RowKind.INSERT);
      Row plain = unsplitRows.get(List.of(row.getField(0), row.getField(1), row.getField(2)));
      assertThat(plain).as("the unsplit row of %s", row).isNotNull();
      long from = Duration.between(zero, (LocalDateTime) row.getField(0)).toSeconds();
      long to = Duration.between(zero, (LocalDateTime) row.getField(1)).toSeconds();
      Map<Long, Long> firstByBidder = new HashMap<>();
      Map<Long, Long> lastByBidder = new HashMap<>();
      List<Long> prices = new ArrayList<>();
      for (long n = Math.max(from, 0); n < Math.min(to, 300); n++) {
        if ((n % 10 < 6 ? 0 : n % 4) == (Integer) row.getField(2)) {
          firstByBidder.putIfAbsent(n * 7 % 13, n * 37 % 100);
          lastByBidder.put(n * 7 % 13, n * 37 % 100);
          prices.add(n * 37 % 100);
        }
      }
      assertThat(number(plain.getField(6))).as("unsplit FIRST_VALUE").isEqualTo(prices.get(0));
      assertThat(number(plain.getField(7))).as("unsplit LAST_VALUE").isEqualTo(prices.get(prices.size() - 1));
      for (int field = 3; field <= 5; field++) {
        assertThat(row.getField(field)).as("field %s of %s", field, row).isEqualTo(plain.getField(field));
      }
      assertThat(number(row.getField(6))).as("%s", row).isIn(firstByBidder.values());
      assertThat(number(row.getField(7))).as("%s", row).isIn(lastByBidder.values());
      assertThat(sortedElements(row.getField(8))).isEqualTo(sortedElements(plain.getField(8)))
          .hasSameSizeAs(prices);
    }
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static List<String> sortedElements(Object list) {
    List<String> elements = new ArrayList<>(List.of(((String) list).split(",")));
    elements.sort(null);
    return elements;
  }

  @Test
  void aWindowAggregateWithoutGroupKeysSplitsToo() {
    String query = "SELECT window_start, COUNT(DISTINCT bidder) AS bidders, COUNT(*) AS bids"
        + " FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end";
    List<Row> splitRows = TableResults.rows(session(true).executeSql(query));
    // 30 windows of 10 bids; bidder n * 7 % 13 takes 10 distinct values in any 10 consecutive n (7 and 13 coprime)
    assertThat(splitRows).hasSize(30).allSatisfy(row -> assertThat(row.getField(1)).isEqualTo(10L))
        .containsExactlyInAnyOrderElementsOf(TableResults.rows(session(false).executeSql(query)));
  }

  @Test
  void sessionWindowAggregatesStayUnsplit() {
    String query = "SELECT window_start, window_end, item, COUNT(DISTINCT bidder) FROM TABLE(SESSION(TABLE bids"
        + " PARTITION BY item, DESCRIPTOR(ts), INTERVAL '3' SECOND)) GROUP BY window_start, window_end, item";
    assertThat(session(true).explainSql(query)).doesNotContain("partialFinalType", "Expand");
  }
}
