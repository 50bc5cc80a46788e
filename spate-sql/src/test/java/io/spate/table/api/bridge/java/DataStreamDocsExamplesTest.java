package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.connector.ChangelogMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of docs/sql/datastream.md, run. */
class DataStreamDocsExamplesTest {

  /** The POJO of the page's examples. */
  public static class Click {
    public String name;
    public long at;
    public Instant eventTime;

    public Click() {}

    Click(String name, long at) {
      this.name = name;
      this.at = at;
      this.eventTime = Instant.ofEpochMilli(at);
    }
  }

  /** The target POJO of the page's {@code toDataStream} example. */
  public static class Visit {
    public String name;
    public Instant eventTime;
  }

  private static List<Click> clickList() {
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      clicks.add(new Click(i % 2 == 0 ? "Alice" : "Bob", i * 20_000L));
    }
    return clicks;
  }

  @Test
  void recordTimestampsAndTheStreamsWatermarks() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Click> clickList = clickList();
    DataStream<Click> clicks = env.fromData(clickList, Types.POJO(Click.class))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Click>forMonotonousTimestamps()
            .withTimestampAssigner((click, previous) -> click.at));
    tEnv.createTemporaryView("clicks", clicks, Schema.newBuilder()
        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
        .watermark("rowtime", "SOURCE_WATERMARK()")
        .build());
    Table perMinute = tEnv.sqlQuery("SELECT name, COUNT(*) AS n FROM TABLE("
        + "TUMBLE(TABLE clicks, DESCRIPTOR(rowtime), INTERVAL '1' MINUTE)) GROUP BY name, window_start, window_end");
    // Clicks at 0, 20, ..., 180 s, Alice at even and Bob at odd ones: 3 in each of the first three minutes, 1 in the fourth.
    assertThat(tEnv.toDataStream(perMinute).executeAndCollect(100)).containsExactlyInAnyOrder(
        Row.of("Alice", 2L), Row.of("Bob", 1L), Row.of("Alice", 1L), Row.of("Bob", 2L),
        Row.of("Alice", 2L), Row.of("Bob", 1L), Row.of("Bob", 1L));
  }

  @Test
  void declaredColumnsAndAWatermarkExpression() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Click> clicks = env.fromData(clickList(), Types.POJO(Click.class));
    Table table = tEnv.fromDataStream(clicks, Schema.newBuilder()
        .column("name", "STRING NOT NULL")
        .column("eventTime", "TIMESTAMP_LTZ(3)")
        .columnByExpression("pt", "PROCTIME()")
        .watermark("eventTime", "eventTime - INTERVAL '10' SECOND")
        .build());
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("name", "eventTime", "pt");
  }

  @Test
  void anUpsertChangelogInAndOut() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Row> changes = env.fromData(List.of(
            Row.ofKind(RowKind.INSERT, "Alice", 12),
            Row.ofKind(RowKind.UPDATE_AFTER, "Alice", 100),
            Row.ofKind(RowKind.INSERT, "Bob", 5),
            Row.ofKind(RowKind.DELETE, "Bob", 5)),
        Types.ROW_NAMED(new String[] {"name", "score"}, Types.STRING, Types.INT));
    Table scores = tEnv.fromChangelogStream(changes,
        Schema.newBuilder().primaryKey("name").build(), ChangelogMode.upsert());
    tEnv.createTemporaryView("scores", scores);
    DataStream<Row> totals = tEnv.toChangelogStream(
        tEnv.sqlQuery("SELECT COUNT(*) AS players, SUM(score) AS total FROM scores"),
        Schema.newBuilder().column("players", "BIGINT").column("total", "INT").build(),
        ChangelogMode.upsert());
    List<Row> rows = totals.executeAndCollect(100);
    assertThat(rows).extracting(Row::getKind).doesNotContain(RowKind.UPDATE_BEFORE);
    Row last = rows.get(rows.size() - 1);
    assertThat(last.getKind()).isEqualTo(RowKind.UPDATE_AFTER);
    assertThat(Row.copy(last)).isEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, 1L, 100));
  }

  @Test
  void rowsIntoAPojo() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.createTemporaryView("clicks", env.fromData(clickList(), Types.POJO(Click.class)));
    DataStream<Visit> visits = tEnv.toDataStream(
        tEnv.sqlQuery("SELECT name, eventTime FROM clicks WHERE `at` >= 160000"), Visit.class);
    List<Visit> collected = visits.executeAndCollect(100);
    assertThat(collected).extracting(v -> v.name + "@" + v.eventTime.toEpochMilli())
        .containsExactlyInAnyOrder("Alice@160000", "Bob@180000");
  }
}
