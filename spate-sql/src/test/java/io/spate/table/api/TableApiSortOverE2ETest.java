package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.UNBOUNDED_RANGE;
import static io.spate.table.api.Expressions.lit;
import static io.spate.table.api.Expressions.rowInterval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Table API's orderBy, offset, fetch and limit, over windows, session windows and aggregates. */
class TableApiSortOverE2ETest {

  private TableEnvironment tEnv;
  private Table orders;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("CREATE TEMPORARY VIEW orders AS SELECT * FROM (VALUES (1, 'north', 10), (2, 'south', 25),"
        + " (3, 'north', 40), (4, 'east', 5), (5, 'south', 30)) AS o(id, shop, amount)");
    orders = tEnv.from("orders");
  }

  @Test
  void orderByWithFetchKeepsTheFirstRows() {
    Table top = orders.orderBy($("amount").desc()).fetch(2).select($("id"), $("amount"));
    assertThat(TableResults.folded(top.execute())).isEqualTo(Map.of(Row.of(3, 40), 1, Row.of(5, 30), 1));
    Table page = orders.orderBy($("amount").asc()).offset(1).fetch(2);
    assertThat(TableResults.folded(page.execute())).isEqualTo(Map.of(Row.of(1, "north", 10), 1,
        Row.of(2, "south", 25), 1));
    assertThat(TableResults.folded(orders.orderBy($("id")).limit(3, 1).execute()))
        .isEqualTo(Map.of(Row.of(4, "east", 5), 1));
    assertThat(TableResults.rows(orders.limit(2).execute())).hasSize(2);
  }

  @Test
  void batchModeOrderByGivesTheSortedRows() {
    TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    batch.executeSql("CREATE TEMPORARY VIEW orders AS SELECT * FROM (VALUES (1, 'north', 10), (2, 'south', 25),"
        + " (3, 'north', 40)) AS o(id, shop, amount)");
    assertThat(TableResults.rows(batch.from("orders").orderBy($("shop"), $("amount").desc()).select($("id"))
        .execute())).containsExactly(Row.of(3), Row.of(1), Row.of(2));
  }

  @Test
  void offsetAndFetchComeOnceInOrder() {
    Table fetched = orders.orderBy($("id")).fetch(2);
    assertThatThrownBy(() -> fetched.offset(1)).isInstanceOf(ValidationException.class)
        .hasMessage("offset(1) comes once, before fetch, on a table: this one has fetch(2) already");
    assertThatThrownBy(() -> fetched.fetch(3)).isInstanceOf(ValidationException.class)
        .hasMessage("fetch(3) comes once on a table: this one has fetch(2) already");
    assertThatThrownBy(() -> orders.fetch(-1)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("not -1");
  }

  @Test
  void aggregatesOverOverWindowsReadTheRowsBefore() {
    createEvents();
    Table events = tEnv.from("events");
    Table rows = events.window(Over.partitionBy($("user_name")).orderBy($("ts")).preceding(rowInterval(1L)).as("w"))
        .select($("id"), $("id").sum().over($("w")).as("last_two"), $("id").count().over($("w")).as("n"));
    assertThat(TableResults.rows(rows.execute())).containsExactlyInAnyOrder(
        Row.of(1, 1, 1L), Row.of(2, 3, 2L), Row.of(3, 5, 2L), Row.of(4, 4, 1L), Row.of(5, 9, 2L), Row.of(6, 11, 2L));
    Table running = events.window(Over.orderBy($("ts")).preceding(UNBOUNDED_RANGE).as("w"))
        .select($("id"), $("id").max().over($("w")).as("top"));
    assertThat(TableResults.rows(running.execute())).containsExactlyInAnyOrder(
        Row.of(1, 1), Row.of(2, 2), Row.of(3, 3), Row.of(4, 4), Row.of(5, 5), Row.of(6, 6));
    Table lastMinute = events.window(Over.partitionBy($("user_name")).orderBy($("ts")).preceding(lit(40).seconds())
        .as("w")).select($("id"), $("id").count().over($("w")).as("n"));
    // Rows are 20 seconds apart: a range of 40 seconds holds up to three of a user's rows.
    assertThat(TableResults.rows(lastMinute.execute())).containsExactlyInAnyOrder(
        Row.of(1, 1L), Row.of(2, 2L), Row.of(3, 3L), Row.of(4, 1L), Row.of(5, 2L), Row.of(6, 3L));
  }

  @Test
  void sessionWindowsGroupRunsOfRows() {
    tEnv.executeSql("CREATE TABLE clicks (id INT,"
        + " ts AS TIMESTAMP '2026-01-01 10:00:00' + CASE WHEN id <= 3 THEN id ELSE id + 60 END * INTERVAL '1' MINUTE,"
        + " WATERMARK FOR ts AS ts) WITH ("
        + "'connector' = 'datagen', 'number-of-rows' = '5', 'fields.id.kind' = 'sequence',"
        + " 'fields.id.start' = '1', 'fields.id.end' = '5')");
    Table sessions = tEnv.from("clicks").window(Session.withGap(lit(10).minutes()).on($("ts")).as("w"))
        .groupBy($("w")).select($("w").start().as("start"), $("w").end().as("end"), $("id").count().as("n"),
            $("id").countDistinct().as("ids"));
    assertThat(TableResults.rows(sessions.execute())).containsExactlyInAnyOrder(
        Row.of(time(10, 1), time(10, 13), 3L, 3L), Row.of(time(11, 4), time(11, 15), 2L, 2L));
  }

  private void createEvents() {
    tEnv.executeSql("CREATE TABLE events (id INT,"
        + " ts AS TIMESTAMP '2026-01-01 10:00:00' + id * INTERVAL '20' SECOND,"
        + " user_name AS CASE WHEN id < 4 THEN 'a' ELSE 'b' END, WATERMARK FOR ts AS ts) WITH ("
        + "'connector' = 'datagen', 'number-of-rows' = '6', 'fields.id.kind' = 'sequence',"
        + " 'fields.id.start' = '1', 'fields.id.end' = '6')");
  }

  private static LocalDateTime time(int hour, int minute) {
    return LocalDateTime.of(2026, 1, 1, hour, minute);
  }
}
