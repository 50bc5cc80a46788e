package io.spate.table.docs;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.lit;
import static io.spate.table.api.Expressions.rowInterval;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.Over;
import io.spate.table.api.Session;
import io.spate.table.api.Table;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/sql/table-api.md on session windows, over windows and sorting, and of
 * docs/sql/queries.md on batch mode, compiled and run.
 */
class TableApiSortOverDocsTest {

  private static final String ORDERS = "CREATE TABLE orders (id INT, shop STRING, amount INT,"
      + " order_time AS TIMESTAMP '2026-01-01 10:00:00' + id * INTERVAL '20' SECOND,"
      + " WATERMARK FOR order_time AS order_time) WITH ('connector' = 'datagen', 'number-of-rows' = '6',"
      + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '6',"
      + " 'fields.shop.length' = '1', 'fields.amount.min' = '1', 'fields.amount.max' = '9')";

  private static List<Row> rows(TableResult result) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = result.collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void theExamplesOfTheTableApiPageRun() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql(ORDERS);
    Table orders = tEnv.from("orders");

    Table sessions = orders
        .window(Session.withGap(lit(10).minutes()).on($("order_time")).as("w"))
        .groupBy($("w"), $("shop"))
        .select($("shop"), $("w").start().as("opened"), $("w").end().as("closed"), $("id").count().as("orders"));

    Table recent = orders
        .window(Over.partitionBy($("shop")).orderBy($("order_time")).preceding(rowInterval(2L)).as("w"))
        .select($("id"), $("shop"), $("amount").sum().over($("w")).as("last_three"));

    Table topThree = orders
        .orderBy($("amount").desc())
        .fetch(3)
        .select($("id"), $("amount"));

    List<Row> all = rows(orders.execute());
    assertThat(rows(sessions.execute()).stream().mapToLong(r -> (Long) r.getField(3)).sum()).isEqualTo(6);
    assertThat(rows(recent.execute())).hasSize(6);
    long finalRows = 0;
    for (Row change : rows(topThree.execute())) {
      finalRows += change.getKind() == RowKind.INSERT ? 1 : -1;
    }
    assertThat(finalRows).isEqualTo(Math.min(3, all.size()));
  }

  @Test
  void theBatchExampleOfTheQueriesPageRuns() {
    TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    batch.executeSql(ORDERS);
    TableResult sorted = batch.executeSql("SELECT shop, amount FROM orders ORDER BY amount DESC, shop LIMIT 10");
    List<Row> rows = rows(sorted);
    assertThat(rows).hasSize(6).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    for (int i = 1; i < rows.size(); i++) {
      assertThat((Integer) rows.get(i - 1).getField(1)).isGreaterThanOrEqualTo((Integer) rows.get(i).getField(1));
    }
  }
}
