package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.table.api.bridge.java.StreamStatementSet;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The examples of docs/sql/datastream.md on SQL jobs, statement sets, field expressions and conversions, run. */
class DataStreamBridgeDocsExamplesTest {

  /** The POJO of the page's examples. */
  public static class Click {
    public String name;
    public long at;

    public Click() {}

    Click(String name, long at) {
      this.name = name;
      this.at = at;
    }
  }

  /** The target POJO of the implicit-cast example: {@code letters} is wider than its INT column. */
  public static class NameLength {
    public String name;
    public Long letters;
  }

  private StreamExecutionEnvironment env;
  private StreamTableEnvironment tEnv;
  private DataStream<Click> clicks;
  private String run;

  @BeforeEach
  void createProgram() {
    env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    tEnv = StreamTableEnvironment.create(env);
    List<Click> clickList = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      clickList.add(new Click(i % 2 == 0 ? "Alice" : "Bob", i * 20_000L));
    }
    clicks = env.fromData(clickList, Types.POJO(Click.class))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Click>forMonotonousTimestamps()
            .withTimestampAssigner((click, previous) -> click.at));
    run = UUID.randomUUID().toString();
    for (String sink : List.of("alice", "bob")) {
      tEnv.executeSql("CREATE TABLE " + sink + " (name STRING, `at` BIGINT) WITH ('connector' = 'changelog-collect',"
          + " 'run' = '" + run + "-" + sink + "', 'changelog-mode' = 'insert-only')");
    }
  }

  private List<Row> received(String sink) {
    return ChangelogCollectingSink.received(run + "-" + sink);
  }

  private static List<Row> of(String name) {
    List<Row> rows = new ArrayList<>();
    for (int i = name.equals("Alice") ? 0 : 1; i < 10; i += 2) {
      rows.add(Row.of(name, i * 20_000L));
    }
    return rows;
  }

  @Test
  void sqlJobsOfTheirOwnReadTheProgramsStream() throws Exception {
    tEnv.createTemporaryView("clicks", clicks);
    tEnv.executeSql("INSERT INTO alice SELECT name, `at` FROM clicks WHERE name = 'Alice'").await();
    TableResult bobs = tEnv.executeSql("SELECT name, `at` FROM clicks WHERE name = 'Bob'");
    assertThat(received("alice")).containsExactlyInAnyOrderElementsOf(of("Alice"));
    assertThat(TableResults.rows(bobs)).containsExactlyInAnyOrderElementsOf(of("Bob"));
  }

  @Test
  void attachedInsertsRunInTheProgramsJob() throws Exception {
    tEnv.createTemporaryView("clicks", clicks);
    StreamStatementSet inserts = tEnv.createStatementSet()
        .addInsertSql("INSERT INTO alice SELECT name, `at` FROM clicks WHERE name = 'Alice'")
        .addInsert("bob", tEnv.sqlQuery("SELECT name, `at` FROM clicks WHERE name = 'Bob'"));
    inserts.attachAsDataStream();
    env.execute("clicks and their SQL");
    assertThat(received("alice")).containsExactlyInAnyOrderElementsOf(of("Alice"));
    assertThat(received("bob")).containsExactlyInAnyOrderElementsOf(of("Bob"));
  }

  @Test
  void fieldExpressions() {
    Table table = tEnv.fromDataStream(clicks, $("at").as("millis"), $("name"), $("ts").rowtime(),
        $("pt").proctime());
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("millis", "name", "ts", "pt");
    List<Row> rows = TableResults.rows(
        table.select($("millis"), $("name"), $("ts")).where($("millis").isEqual(40_000)).execute());
    assertThat(rows).containsExactly(Row.of(40_000L, "Alice", LocalDateTime.of(1970, 1, 1, 0, 0, 40)));
  }

  @Test
  void implicitCastsIntoAPojo() throws Exception {
    tEnv.createTemporaryView("clicks", clicks);
    DataStream<NameLength> lengths = tEnv.toDataStream(
        tEnv.sqlQuery("SELECT name, CHAR_LENGTH(name) AS letters FROM clicks WHERE `at` < 40000"), NameLength.class);
    List<NameLength> result = lengths.executeAndCollect(10);
    assertThat(result).extracting(l -> l.name + "=" + l.letters).containsExactlyInAnyOrder("Alice=5", "Bob=3");
  }

  @Test
  void theWindowTimeDrivesDataStreamWindowsDownstream() throws Exception {
    tEnv.createTemporaryView("clicks", clicks, $("name"), $("at"), $("rowtime").rowtime());
    Table perMinute = tEnv.sqlQuery("SELECT name, window_time, COUNT(*) AS n FROM TABLE("
        + "TUMBLE(TABLE clicks, DESCRIPTOR(rowtime), INTERVAL '1' MINUTE))"
        + " GROUP BY name, window_start, window_end, window_time");
    DataStream<Row> twoMinutes = tEnv.toDataStream(perMinute)
        .windowAll(TumblingEventTimeWindows.of(Duration.ofMinutes(2)))
        .reduce((a, b) -> Row.of("all", b.getField(1), (Long) a.getField(2) + (Long) b.getField(2)));
    List<Row> totals = twoMinutes.executeAndCollect(10);
    // Clicks at 0, 20, ..., 180 s: 6 in the first two minutes, 4 in the next two.
    assertThat(totals).extracting(row -> row.getField(2)).containsExactlyInAnyOrder(6L, 4L);
  }
}
