package io.spate.table.docs;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.call;
import static io.spate.table.api.Expressions.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.DataTypes;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.StatementSet;
import io.spate.table.api.Table;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import io.spate.table.docs.udf.SplitWords;
import io.spate.table.testing.ChangelogFold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/sql/table-api.md on inserts, values, set operations and row-based operations, run. */
class TableApiInsertsAndRowsDocsTest {

  private static List<Row> rows(Table table) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = table.execute().collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static TableEnvironment environment() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    return tEnv;
  }

  @Test
  void theStatementSetExampleRunsThreeInsertsInOneJob() throws Exception {
    TableEnvironment tEnv = environment();
    tEnv.executeSql("CREATE TABLE orders (id INT, shop STRING, amount INT) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '5', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5',"
        + " 'fields.shop.length' = '1', 'fields.amount.min' = '1', 'fields.amount.max' = '9')");
    tEnv.executeSql("CREATE TABLE large_orders (id INT, shop STRING, amount INT) WITH ('connector' = 'blackhole')");
    tEnv.executeSql("CREATE TABLE amounts (shop STRING, amount INT) WITH ('connector' = 'blackhole')");
    tEnv.executeSql("CREATE TABLE shop_totals (shop STRING, total INT) WITH ('connector' = 'blackhole')");
    Table orders = tEnv.from("orders");

    StatementSet set = tEnv.createStatementSet();
    set.addInsert("large_orders", orders.where($("amount").isGreater(5)));
    set.add(orders.select($("shop"), $("amount")).insertInto("amounts"));
    set.addInsertSql("INSERT INTO shop_totals SELECT shop, SUM(amount) FROM orders GROUP BY shop");
    TableResult result = set.execute();

    result.await();
    assertThat(result.getResolvedSchema().getColumnNames()).hasSize(3);
    assertThat(result.getJobClient().orElseThrow().getProgress().recordsProcessed()).isEqualTo(5);
  }

  @Test
  void theValuesAndSetOperationExamplesGiveTheirRows() {
    TableEnvironment tEnv = environment();
    Table prices = tEnv.fromValues(
        DataTypes.ROW(
            DataTypes.FIELD("id", DataTypes.INT()),
            DataTypes.FIELD("price", DataTypes.DECIMAL(10, 2))),
        row(1, 9.5),
        row(2, 12));
    assertThat(rows(prices)).containsExactly(Row.of(1, new BigDecimal("9.50")), Row.of(2, new BigDecimal("12.00")));

    Table both = tEnv.fromValues(1, 2, 2, 3).intersectAll(tEnv.fromValues(2, 2, 2, 4));
    Table onlyLeft = tEnv.fromValues(1, 2, 2, 3).minusAll(tEnv.fromValues(2, 4));
    assertThat(ChangelogFold.fold(rows(both))).isEqualTo(Map.of(Row.of(2), 2));
    assertThat(ChangelogFold.fold(rows(onlyLeft))).isEqualTo(Map.of(Row.of(1), 1, Row.of(2), 1, Row.of(3), 1));
  }

  @Test
  void theRowBasedExamplesSplitLines() {
    TableEnvironment tEnv = environment();
    Table lines = tEnv.fromValues(row(1, "to be"), row(2, "or")).as("id", "line");
    Table words = lines.flatMap(call(SplitWords.class, $("line")));
    Table joined = lines.joinLateral(call(SplitWords.class, $("line")).as("w", "n"))
        .select($("id"), $("w"));
    assertThat(rows(words)).containsExactly(Row.of("to", 2), Row.of("be", 2), Row.of("or", 2));
    assertThat(rows(joined)).containsExactly(Row.of(1, "to"), Row.of(1, "be"), Row.of(2, "or"));
  }
}
