package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regular joins: the changelog each produces, folded (a retraction must find its row), equals the
 * join a plain reading of both inputs gives.
 */
class SqlJoinE2ETest {

  private static final int PERSONS = 30;
  private static final int AUCTIONS = 60;

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.executeSql("CREATE TABLE persons (id BIGINT, name AS 'p' || CAST(id AS STRING)) WITH ('connector' = 'datagen',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + PERSONS + "')");
    // Auction a is sold by person a % 25 (person 0 does not exist; persons 25 to 30 sell nothing).
    tEnv.executeSql("CREATE TABLE auctions (aid BIGINT, seller AS CAST(aid % 25 AS BIGINT), price AS aid * 3)"
        + " WITH ('connector' = 'datagen', 'fields.aid.kind' = 'sequence', 'fields.aid.start' = '1',"
        + " 'fields.aid.end' = '" + AUCTIONS + "')");
  }

  @Test
  void anInnerJoinWithAFurtherConditionPairsMatchingRows() throws Exception {
    Map<Row, Integer> result = folded(tEnv.executeSql(
        "SELECT p.name, a.aid FROM auctions AS a JOIN persons AS p ON a.seller = p.id AND a.price > 30"));
    Map<Row, Integer> expected = new HashMap<>();
    for (long aid = 1; aid <= AUCTIONS; aid++) {
      long seller = aid % 25;
      if (seller >= 1 && seller <= PERSONS && aid * 3 > 30) {
        expected.merge(Row.of("p" + seller, aid), 1, Integer::sum);
      }
    }
    assertThat(result).isEqualTo(expected);
  }

  @Test
  void aFullOuterJoinPadsWhatMatchesNothingOnEitherSide() throws Exception {
    Map<Row, Integer> result = folded(tEnv.executeSql(
        "SELECT p.id, a.aid FROM persons AS p FULL OUTER JOIN auctions AS a ON p.id = a.seller"));
    Map<Row, Integer> expected = new HashMap<>();
    for (long id = 1; id <= PERSONS; id++) {
      boolean sold = false;
      for (long aid = 1; aid <= AUCTIONS; aid++) {
        if (aid % 25 == id) {
          expected.merge(Row.of(id, aid), 1, Integer::sum);
          sold = true;
        }
      }
      if (!sold) {
        expected.merge(Row.of(id, null), 1, Integer::sum);
      }
    }
    for (long aid = 1; aid <= AUCTIONS; aid++) {
      if (aid % 25 == 0) {
        expected.merge(Row.of(null, aid), 1, Integer::sum);
      }
    }
    assertThat(result).isEqualTo(expected);
  }

  @Test
  void aJoinWithAnAggregateFollowsItsUpdates() throws Exception {
    Map<Row, Integer> result = folded(tEnv.executeSql("""
        SELECT p.name, s.total, s.n
        FROM persons AS p
        LEFT JOIN (SELECT seller, SUM(price) AS total, COUNT(*) AS n FROM auctions GROUP BY seller) AS s
        ON p.id = s.seller"""));
    Map<Row, Integer> expected = new HashMap<>();
    for (long id = 1; id <= PERSONS; id++) {
      long total = 0;
      long n = 0;
      for (long aid = 1; aid <= AUCTIONS; aid++) {
        if (aid % 25 == id) {
          total += aid * 3;
          n++;
        }
      }
      expected.merge(n == 0 ? Row.of("p" + id, null, null) : Row.of("p" + id, total, n), 1, Integer::sum);
    }
    assertThat(result).isEqualTo(expected);
  }
}
