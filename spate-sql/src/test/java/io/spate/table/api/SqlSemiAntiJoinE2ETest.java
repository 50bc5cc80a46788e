package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code IN}, {@code EXISTS} and their negations as streaming semi and anti joins: the folded
 * changelog (a retraction must find its row) equals what a plain reading of both inputs gives.
 */
class SqlSemiAntiJoinE2ETest {

  private static final int PERSONS = 30;
  private static final int AUCTIONS = 60;

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.executeSql("CREATE TABLE persons (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence',"
        + " 'fields.id.start' = '1', 'fields.id.end' = '" + PERSONS + "')");
    // Auction a is sold by person a % 25 (person 0 does not exist; persons 25 to 30 sell nothing) for 3 * a.
    tEnv.executeSql("CREATE TABLE auctions (aid BIGINT, seller AS CAST(aid % 25 AS BIGINT), price AS aid * 3)"
        + " WITH ('connector' = 'datagen', 'fields.aid.kind' = 'sequence', 'fields.aid.start' = '1',"
        + " 'fields.aid.end' = '" + AUCTIONS + "')");
  }

  private static Map<Row, Integer> personsWhere(LongPredicate predicate) {
    Map<Row, Integer> expected = new HashMap<>();
    for (long id = 1; id <= PERSONS; id++) {
      if (predicate.test(id)) {
        expected.put(Row.of(id), 1);
      }
    }
    return expected;
  }

  private static boolean sells(long id, long minPrice) {
    for (long aid = 1; aid <= AUCTIONS; aid++) {
      if (aid % 25 == id && aid * 3 > minPrice) {
        return true;
      }
    }
    return false;
  }

  @Test
  void inKeepsEachRowWithAMatchOnceAsAnInsert() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("SELECT id FROM persons WHERE id IN (SELECT seller FROM auctions)"));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(personsWhere(id -> sells(id, 0)).keySet());
  }

  @Test
  void notInKeepsTheRowsWithoutAMatch() throws Exception {
    assertThat(folded(tEnv.executeSql("SELECT id FROM persons WHERE id NOT IN (SELECT seller FROM auctions)")))
        .isEqualTo(personsWhere(id -> !sells(id, 0)));
  }

  @Test
  void notInOverASubqueryWithANullKeepsNoRow() throws Exception {
    assertThat(folded(tEnv.executeSql("SELECT id FROM persons WHERE id NOT IN"
        + " (SELECT CASE WHEN aid = 7 THEN CAST(NULL AS BIGINT) ELSE seller END FROM auctions)"))).isEmpty();
  }

  @Test
  void aNotInOfTwoColumnsComparesThemAsARow() throws Exception {
    // (id, id % 2) matches a seller's (seller, aid % 2) only for the sellers' auctions of the same parity.
    assertThat(folded(tEnv.executeSql("SELECT id FROM persons WHERE (id, id % 2) NOT IN"
        + " (SELECT seller, aid % 2 FROM auctions)"))).isEqualTo(personsWhere(id -> {
          for (long aid = 1; aid <= AUCTIONS; aid++) {
            if (aid % 25 == id && aid % 2 == id % 2) {
              return false;
            }
          }
          return true;
        }));
  }

  @Test
  void aCorrelatedExistsWithAFurtherConditionIsASemiJoin() throws Exception {
    assertThat(folded(tEnv.executeSql("SELECT id FROM persons AS p WHERE id > 3 AND EXISTS"
        + " (SELECT * FROM auctions AS a WHERE a.seller = p.id AND a.price > 100)")))
        .isEqualTo(personsWhere(id -> id > 3 && sells(id, 100)));
  }

  @Test
  void aCorrelatedNotExistsIsAnAntiJoin() throws Exception {
    assertThat(folded(tEnv.executeSql("SELECT id FROM persons AS p WHERE NOT EXISTS"
        + " (SELECT aid FROM auctions AS a WHERE a.seller = p.id AND a.price > 100)")))
        .isEqualTo(personsWhere(id -> !sells(id, 100)));
  }

  @Test
  void aNotExistsThatComparesAnExpressionIsKeyedOnTheExpression() throws Exception {
    String query = "SELECT id FROM persons AS p WHERE NOT EXISTS (SELECT * FROM auctions AS a WHERE a.seller = p.id + 5)";
    // The expression is a column of the left input, so the join compares two columns: its key.
    assertThat(tEnv.explainSql(query)).containsPattern("LogicalJoin\\(condition=\\[=\\(\\$\\d+, \\$\\d+\\)\\],"
        + " joinType=\\[anti\\]\\)").contains("+($0, 5)");
    assertThat(folded(tEnv.executeSql(query))).isEqualTo(personsWhere(id -> !sells(id + 5, 0)));
  }

  @Test
  void anInOfAnExpressionIsKeyedOnTheExpression() throws Exception {
    String query = "SELECT id FROM persons WHERE id * 2 IN (SELECT seller FROM auctions)";
    assertThat(tEnv.explainSql(query)).containsPattern("LogicalJoin\\(condition=\\[=\\(\\$\\d+, \\$\\d+\\)\\],"
        + " joinType=\\[semi\\]\\)").contains("*($0, 2)");
    assertThat(folded(tEnv.executeSql(query))).isEqualTo(personsWhere(id -> sells(id * 2, 0)));
  }

  @Test
  void anInOverAnAggregatesChangelogFollowsItsUpdates() throws Exception {
    // Sellers with at least 3 auctions (1 to 10): the counts grow, so sellers enter the subquery's result over time.
    assertThat(folded(tEnv.executeSql("SELECT id FROM persons WHERE id IN"
        + " (SELECT seller FROM auctions GROUP BY seller HAVING COUNT(*) >= 3)")))
        .isEqualTo(personsWhere(id -> id <= 10));
  }
}
