package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.and;
import static io.spate.table.api.Expressions.call;
import static io.spate.table.api.Expressions.concat;
import static io.spate.table.api.Expressions.ifThenElse;
import static io.spate.table.api.Expressions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Table API's operations and expressions give what the same SQL gives. */
class TableApiE2ETest {

  private TableEnvironment tEnv;
  private Table orders;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("CREATE TEMPORARY VIEW orders AS SELECT * FROM (VALUES (1, 'north', 10), (2, 'south', 25),"
        + " (3, 'north', 40)) AS o(id, shop, amount)");
    orders = tEnv.from("orders");
  }

  @Test
  void selectWhereAndExpressionsComputeRowByRow() {
    Table big = orders.where($("amount").isGreater(15))
        .select($("id"), $("amount").times(2).as("doubled"), $("shop").upperCase().as("shop"),
            ifThenElse($("amount").isGreaterOrEqual(40), "large", "medium").as("size"),
            concat($("shop"), "-", $("id").cast(DataTypes.STRING())).as("label"),
            lit(1L).plus($("id")).as("next"), lit(new BigDecimal("0.5")).times($("amount")).as("half"));
    assertThat(big.getResolvedSchema().getColumnNames())
        .containsExactly("id", "doubled", "shop", "size", "label", "next", "half");
    assertThat(TableResults.rows(big.execute())).containsExactly(
        Row.of(2, 50, "SOUTH", "medium", "south-2", 3L, new BigDecimal("12.5")),
        Row.of(3, 80, "NORTH", "large", "north-3", 4L, new BigDecimal("20.0")));
    assertThat(TableResults.rows(orders.filter(and($("shop").isEqual("north"), $("id").in(1, 2)))
        .select($("id")).execute())).containsExactly(Row.of(1));
  }

  @Test
  void groupByAggregatesAsAChangelog() {
    Table totals = orders.groupBy($("shop"))
        .select($("shop"), $("amount").sum().as("total"), $("id").count().as("n"), $("amount").max().as("top"));
    assertThat(TableResults.folded(totals.execute())).isEqualTo(Map.of(
        Row.of("north", 50, 2L, 40), 1, Row.of("south", 25, 1L, 25), 1));
    assertThat(TableResults.folded(orders.select($("shop")).distinct().execute()))
        .isEqualTo(Map.of(Row.of("north"), 1, Row.of("south"), 1));
  }

  @Test
  void columnOperationsRenameAddAndDrop() {
    Table table = orders.as("order_id", "region", "value")
        .addColumns($("value").plus(1).as("more"))
        .renameColumns($("region").as("area"))
        .dropColumns($("value"));
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("order_id", "area", "more");
    assertThat(TableResults.rows(table.where($("order_id").isEqual(1)).execute()))
        .containsExactly(Row.of(1, "north", 11));
    assertThatThrownBy(() -> orders.dropColumns($("nope")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("no column [`nope`]");
    assertThatThrownBy(() -> orders.as("a", "b"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("names 2 columns, but the table has 3");
  }

  @Test
  void joinsAndUnionsCombineTables() {
    Table shops = tEnv.sqlQuery("SELECT * FROM (VALUES ('north', 'Oslo'), ('west', 'Bergen')) AS s(name, city)");
    assertThat(TableResults.rows(orders.join(shops).where($("shop").isEqual($("name")))
        .select($("id"), $("city")).execute())).containsExactlyInAnyOrder(Row.of(1, "Oslo"), Row.of(3, "Oslo"));
    assertThat(TableResults.folded(orders.leftOuterJoin(shops, $("shop").isEqual($("name")))
        .select($("id"), $("city")).execute()))
        .isEqualTo(Map.of(Row.of(1, "Oslo"), 1, Row.of(3, "Oslo"), 1, Row.of(2, null), 1));
    assertThat(TableResults.rows(orders.select($("id")).unionAll(orders.select($("id").plus(10))).execute()))
        .containsExactlyInAnyOrder(Row.of(1), Row.of(2), Row.of(3), Row.of(11), Row.of(12), Row.of(13));
  }

  @Test
  void aTumblingWindowGroupsRowsByTime() {
    tEnv.executeSql("CREATE TABLE events (id INT,"
        + " ts AS TIMESTAMP '2026-01-01 10:00:00' + id * INTERVAL '20' SECOND,"
        + " user_name AS CASE WHEN id < 4 THEN 'a' ELSE 'b' END, WATERMARK FOR ts AS ts) WITH ("
        + "'connector' = 'datagen', 'number-of-rows' = '6', 'fields.id.kind' = 'sequence',"
        + " 'fields.id.start' = '1', 'fields.id.end' = '6')");
    Table windowed = tEnv.from("events").window(Tumble.over(lit(1).minutes()).on($("ts")).as("w"))
        .groupBy($("w"), $("user_name"))
        .select($("user_name"), $("w").start().as("start"), $("w").end().as("end"), $("user_name").count().as("n"));
    assertThat(TableResults.rows(windowed.execute())).containsExactlyInAnyOrder(
        Row.of("a", time(10, 0), time(10, 1), 2L), Row.of("a", time(10, 1), time(10, 2), 1L),
        Row.of("b", time(10, 1), time(10, 2), 2L), Row.of("b", time(10, 2), time(10, 3), 1L));
  }

  @Test
  void aWindowPropertyOutsideItsWindowIsRefused() {
    assertThatThrownBy(() -> orders.select($("w").start()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("names no window");
    assertThatThrownBy(() -> orders.select(call("NO_SUCH_FUNCTION", $("id"))).execute())
        .isInstanceOf(ValidationException.class).hasMessageContaining("NO_SUCH_FUNCTION");
  }

  private static LocalDateTime time(int hour, int minute) {
    return LocalDateTime.of(2026, 1, 1, hour, minute);
  }
}
