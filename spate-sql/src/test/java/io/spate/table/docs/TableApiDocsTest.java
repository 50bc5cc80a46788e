package io.spate.table.docs;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.Table;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.Tumble;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/sql/table-api.md, compiled and run. */
class TableApiDocsTest {

  private static List<Row> rows(Table table) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = table.execute().collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void theExamplesOfTheTableApiPageRun() throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("CREATE TABLE orders (id INT, shop STRING, amount INT,"
        + " order_time AS TIMESTAMP '2026-01-01 10:00:00' + id * INTERVAL '20' SECOND,"
        + " WATERMARK FOR order_time AS order_time) WITH ('connector' = 'datagen', 'number-of-rows' = '4',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4',"
        + " 'fields.shop.length' = '1', 'fields.amount.min' = '1', 'fields.amount.max' = '9')");

    Table orders = tEnv.from("orders");
    Table large = orders
        .where($("amount").isGreater(5))
        .select($("id"), $("shop"), $("amount").times(100).as("cents"));

    Table totals = orders
        .groupBy($("shop"))
        .select($("shop"), $("amount").sum().as("total"), $("id").count().as("orders"));

    Table perMinute = orders
        .window(Tumble.over(lit(1).minutes()).on($("order_time")).as("w"))
        .groupBy($("w"), $("shop"))
        .select($("shop"), $("w").start().as("minute"), $("amount").sum().as("total"));

    List<Row> all = rows(orders);
    assertThat(all).hasSize(4);
    Map<String, Integer> sums = new HashMap<>();
    List<Row> expectedLarge = new ArrayList<>();
    for (Row order : all) {
      int amount = (Integer) order.getField(2);
      sums.merge((String) order.getField(1), amount, Integer::sum);
      if (amount > 5) {
        expectedLarge.add(Row.of(order.getField(0), order.getField(1), amount * 100));
      }
    }
    assertThat(rows(large)).containsExactlyElementsOf(expectedLarge);
    Map<String, Integer> finalTotals = new HashMap<>();
    for (Row change : rows(totals)) {
      if (change.getKind() == RowKind.INSERT || change.getKind() == RowKind.UPDATE_AFTER) {
        finalTotals.put((String) change.getField(0), (Integer) change.getField(1));
      }
    }
    assertThat(finalTotals).isEqualTo(sums);
    int windowed = 0;
    for (Row row : rows(perMinute)) {
      windowed += (Integer) row.getField(2);
    }
    assertThat(windowed).isEqualTo(sums.values().stream().mapToInt(Integer::intValue).sum());
  }
}
