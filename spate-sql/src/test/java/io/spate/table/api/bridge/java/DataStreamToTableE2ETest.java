package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.ValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code fromDataStream} and {@code createTemporaryView} with a {@link Schema}: the stream record's
 * timestamp as the metadata column {@code rowtime}, the stream's own watermarks or a watermark
 * expression, computed columns, declared (narrowed, reordered) physical columns and a primary key.
 */
class DataStreamToTableE2ETest {

  /** A click of a user, as a POJO with SQL-typed fields. */
  public static class Click {
    public String name;
    public int clicks;
    public long at;
    public Instant eventTime;

    public Click() {}

    Click(String name, int clicks, long at) {
      this.name = name;
      this.clicks = clicks;
      this.at = at;
      this.eventTime = Instant.ofEpochMilli(at);
    }
  }

  private static List<Click> clicks(int count) {
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clicks.add(new Click("u" + i % 3, i % 5 + 1, i * 700L));
    }
    return clicks;
  }

  /** Per user and 10-second window (start in ms): the count and sum of clicks, computed here. */
  private static List<Row> expectedWindows(List<Click> clicks) {
    Map<String, long[]> windows = new TreeMap<>();
    for (Click click : clicks) {
      long[] acc = windows.computeIfAbsent(click.name + "@" + (click.at - click.at % 10_000), k -> new long[2]);
      acc[0]++;
      acc[1] += click.clicks;
    }
    List<Row> rows = new ArrayList<>();
    windows.forEach((key, acc) -> rows.add(Row.of(key.substring(0, key.indexOf('@')),
        Long.parseLong(key.substring(key.indexOf('@') + 1)), acc[0], (int) acc[1])));
    return rows;
  }

  /** The rows of a window query as (name, window start in ms, count, sum). */
  private static List<Row> windowRows(List<Row> rows) {
    List<Row> result = new ArrayList<>();
    for (Row row : rows) {
      Object start = row.getField(1);
      long millis = start instanceof Instant i ? i.toEpochMilli()
          : ((LocalDateTime) start).toInstant(ZoneOffset.UTC).toEpochMilli();
      result.add(Row.of(row.getField(0), millis, row.getField(2), row.getField(3)));
    }
    return result;
  }

  private static final String WINDOWS = "SELECT name, window_start, COUNT(*) AS n, SUM(clicks) AS total"
      + " FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(rowtime), INTERVAL '10' SECOND))"
      + " GROUP BY name, window_start, window_end";

  @Test
  void theRecordTimestampAsRowtimeWithTheStreamsWatermarksDrivesATumblingWindow() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Click> clicks = clicks(90);
    DataStream<Click> stream = env.fromData(clicks, Types.POJO(Click.class))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Click>forMonotonousTimestamps()
            .withTimestampAssigner((click, previous) -> click.at));
    tEnv.createTemporaryView("clicks", stream, Schema.newBuilder()
        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
        .watermark("rowtime", "SOURCE_WATERMARK()")
        .build());
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery(WINDOWS)).executeAndCollect(1000);
    assertThat(windowRows(rows)).containsExactlyInAnyOrderElementsOf(expectedWindows(clicks));
  }

  @Test
  void aTimestampMetadataColumnIsTheRecordTimestampInUtc() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Click> stream = env.fromData(clicks(3), Types.POJO(Click.class))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Click>forMonotonousTimestamps()
            .withTimestampAssigner((click, previous) -> click.at + 5));
    Table table = tEnv.fromDataStream(stream, Schema.newBuilder()
        .columnByMetadata("ts", "TIMESTAMP(3)", "rowtime", true)
        .build());
    List<Row> rows = tEnv.toDataStream(table.select(io.spate.table.api.Expressions.$("name"),
        io.spate.table.api.Expressions.$("ts"))).executeAndCollect(100);
    assertThat(rows).containsExactlyInAnyOrder(
        Row.of("u0", LocalDateTime.of(1970, 1, 1, 0, 0, 0, 5_000_000)),
        Row.of("u1", LocalDateTime.of(1970, 1, 1, 0, 0, 0, 705_000_000)),
        Row.of("u2", LocalDateTime.of(1970, 1, 1, 0, 0, 1, 405_000_000)));
  }

  @Test
  void aWatermarkExpressionOverAComputedRowtimeDropsRowsBehindIt() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.getConfig().setAutoWatermarkInterval(50);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < 38; i++) {
      clicks.add(new Click("u" + i % 2, 1, i * 1000L));
    }
    clicks.add(new Click("u0", 100, 2_000)); // about 1.5 s after the row at 2 s: its window [0, 10) fired
    clicks.add(new Click("u0", 1000, 36_000)); // 2 s behind the largest time, within the watermark's delay
    clicks.add(new Click("u1", 1, 39_000));
    // 10 rows a second: the watermark (largest rowtime - 2 s) passes 10 s about 2.5 s before the late row comes,
    // which leaves the periodic watermark (every 50 ms) a wide margin even on a loaded machine.
    DataGeneratorSource<Click> source = new DataGeneratorSource<>(index -> clicks.get(index.intValue()),
        clicks.size(), RateLimiterStrategy.perSecond(10), Types.POJO(Click.class));
    DataStream<Click> stream = env.fromSource(source, WatermarkStrategy.noWatermarks(), "clicks");
    tEnv.createTemporaryView("clicks", stream, Schema.newBuilder()
        .columnByExpression("rowtime", "CAST(eventTime AS TIMESTAMP(3) WITH LOCAL TIME ZONE)")
        .watermark("rowtime", "rowtime - INTERVAL '2' SECOND")
        .build());
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery(WINDOWS)).executeAndCollect(1000);
    List<Click> counted = new ArrayList<>();
    long largest = 0;
    for (Click click : clicks) {
      long windowEnd = click.at - click.at % 10_000 + 10_000;
      if (windowEnd > largest - 2_000) {
        counted.add(click);
      }
      largest = Math.max(largest, click.at);
    }
    assertThat(counted).hasSize(clicks.size() - 1);
    assertThat(windowRows(rows)).containsExactlyInAnyOrderElementsOf(expectedWindows(counted));
  }

  @Test
  void declaredPhysicalColumnsPickReorderAndNarrowTheFieldsWithAPrimaryKeyAndAProctime() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    Table table = tEnv.fromDataStream(env.fromData(clicks(3), Types.POJO(Click.class)), Schema.newBuilder()
        .column("eventTime", "TIMESTAMP_LTZ(3)")
        .column("name", "STRING NOT NULL")
        .column("clicks", "BIGINT")
        .columnByExpression("pt", "PROCTIME()")
        .primaryKey("name")
        .build());
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("eventTime", "name", "clicks", "pt");
    assertThat(table.getResolvedSchema().getColumnTypes().stream().map(t -> t.asSummaryString()).toList())
        .startsWith("TIMESTAMP_LTZ(3)", "STRING NOT NULL", "BIGINT");
  }

  @Test
  void declaredColumnsConvertTheStreamsValues() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    Click click = new Click("u7", 3, 1_234);
    click.eventTime = Instant.ofEpochSecond(1, 123_456_789);
    tEnv.createTemporaryView("clicks", env.fromData(List.of(click), Types.POJO(Click.class)), Schema.newBuilder()
        .column("eventTime", "TIMESTAMP_LTZ(3)")
        .column("clicks", "BIGINT")
        .build());
    List<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("SELECT * FROM clicks")).executeAndCollect(10);
    assertThat(rows).containsExactly(Row.of(Instant.ofEpochSecond(1, 123_000_000), 3L));
  }

  @Test
  void aSchemaThatDoesNotFitTheStreamFailsNamingTheColumn() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    DataStream<Click> stream = env.fromData(clicks(3), Types.POJO(Click.class));
    assertThatThrownBy(() -> tEnv.fromDataStream(stream, Schema.newBuilder().column("nam", "STRING").build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'nam'").hasMessageContaining("did you mean 'name'?");
    assertThatThrownBy(() -> tEnv.fromDataStream(stream, Schema.newBuilder().column("name", "INT").build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column 'name' as INT").hasMessageContaining("is STRING");
    assertThatThrownBy(() -> tEnv.fromDataStream(stream, Schema.newBuilder()
        .columnByMetadata("offset", "BIGINT").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'offset'").hasMessageContaining("'rowtime'");
    assertThatThrownBy(() -> tEnv.fromDataStream(stream, Schema.newBuilder()
        .columnByMetadata("rowtime", "BIGINT").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("TIMESTAMP_LTZ(3)");
    assertThatThrownBy(() -> tEnv.fromDataStream(stream, Schema.newBuilder()
        .watermark("at", "SOURCE_WATERMARK()").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("rowtime attribute must be TIMESTAMP");
  }
}
