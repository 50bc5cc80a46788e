package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.DataTypes;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Query results as DataStreams: into POJOs, tuples and atomic values by {@code toDataStream(table, Class)},
 * as upserts or with the rowtime in the records' timestamps by {@code toChangelogStream(table, Schema, mode)}.
 */
class TableToDataStreamE2ETest {

  /** A POJO the query's columns fill by name. */
  public static class Total {
    public String word;
    public Long total;
    public int length;

    public Total() {}

    Total(String word, Long total, int length) {
      this.word = word;
      this.total = total;
      this.length = length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Total t && t.word.equals(word) && t.total.equals(total) && t.length == length;
    }

    @Override
    public int hashCode() {
      return word.hashCode();
    }

    @Override
    public String toString() {
      return word + "=" + total + "/" + length;
    }
  }

  /** A POJO with a field the query does not have. */
  public static class WithMissingField {
    public String word;
    public Long total;
    public int length;
    public String comment;
  }

  /** A POJO whose field has another type than the column. */
  public static class WithWrongType {
    public String word;
    public String total;
    public int length;
  }

  private static StreamTableEnvironment words(StreamExecutionEnvironment env) {
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    List<Tuple2<String, Long>> words = new ArrayList<>();
    for (long i = 0; i < 30; i++) {
      words.add(Tuple2.of("w" + i % 4, i));
    }
    tEnv.createTemporaryView("words", env.fromData(words, Types.TUPLE(Types.STRING, Types.LONG)), Schema.newBuilder()
        .column("f0", "STRING").column("f1", "BIGINT").build());
    return tEnv;
  }

  @Test
  void rowsBecomePojosByFieldNameAndTuplesByPosition() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    StreamTableEnvironment tEnv = words(env);
    Table table = tEnv.sqlQuery("SELECT CHAR_LENGTH(f0) AS length, f1 * 10 AS total, f0 AS word FROM words"
        + " WHERE f1 >= 26");
    List<Total> pojos = tEnv.toDataStream(table, Total.class).executeAndCollect(100);
    assertThat(pojos).containsExactlyInAnyOrder(new Total("w2", 260L, 2), new Total("w3", 270L, 2),
        new Total("w0", 280L, 2), new Total("w1", 290L, 2));
    @SuppressWarnings({"rawtypes", "unchecked"})
    DataStream<Tuple2<String, Long>> tuples = (DataStream) tEnv.toDataStream(tEnv.sqlQuery(
        "SELECT f0, f1 FROM words WHERE f1 < 2"), Tuple2.class);
    assertThat(tuples.executeAndCollect(100)).containsExactlyInAnyOrder(Tuple2.of("w0", 0L), Tuple2.of("w1", 1L));
    DataStream<Long> atomic = tEnv.toDataStream(tEnv.sqlQuery("SELECT f1 FROM words WHERE f1 > 27"),
        DataTypes.BIGINT());
    assertThat(atomic.executeAndCollect(100)).containsExactlyInAnyOrder(28L, 29L);
  }

  @Test
  void aTargetThatDoesNotFitOrAnUpdatingTableIsRefusedNamingWhy() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = words(env);
    Table table = tEnv.sqlQuery("SELECT CHAR_LENGTH(f0) AS length, f1 AS total, f0 AS word FROM words");
    assertThatThrownBy(() -> tEnv.toDataStream(table, WithMissingField.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Field 'comment'");
    assertThatThrownBy(() -> tEnv.toDataStream(table, WithWrongType.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("column 'total' is BIGINT")
        .hasMessageContaining("java.lang.String");
    Table counts = tEnv.sqlQuery("SELECT f0 AS word, COUNT(*) AS total, 1 AS length FROM words GROUP BY f0");
    assertThatThrownBy(() -> tEnv.toDataStream(counts, Total.class))
        .isInstanceOf(ValidationException.class).hasMessageContaining("toChangelogStream");
  }

  @Test
  void anUpsertChangelogStreamHasNoUpdateBeforeRowsAndItsLastRowPerKeyIsTheResult() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    StreamTableEnvironment tEnv = words(env);
    Table counts = tEnv.sqlQuery("SELECT f0 AS word, COUNT(*) AS n FROM words GROUP BY f0");
    List<Row> changes = tEnv.toChangelogStream(counts, Schema.newBuilder().column("word", "STRING")
        .column("n", "BIGINT").build(), ChangelogMode.upsert()).executeAndCollect(1000);
    assertThat(changes).extracting(Row::getKind).doesNotContain(RowKind.UPDATE_BEFORE).contains(RowKind.UPDATE_AFTER);
    Map<Object, Object> last = new HashMap<>();
    for (Row change : changes) {
      last.put(change.getField(0), change.getKind() == RowKind.DELETE ? null : change.getField(1));
    }
    assertThat(last).isEqualTo(Map.of("w0", 8L, "w1", 8L, "w2", 7L, "w3", 7L));
  }

  @Test
  void theRowtimeGoesIntoTheRecordsTimestampAndOutOfTheRowsAsTheTargetSchemaSays() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Tuple2<String, Long>> events = new ArrayList<>();
    for (long i = 0; i < 25; i++) {
      events.add(Tuple2.of("k" + i % 2, i * 1000));
    }
    tEnv.createTemporaryView("events", env.fromData(events, Types.TUPLE(Types.STRING, Types.LONG))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
            .withTimestampAssigner((event, previous) -> event.f1)), Schema.newBuilder()
        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
        .watermark("rowtime", "SOURCE_WATERMARK()")
        .build());
    Table late = tEnv.sqlQuery("SELECT f0 AS k, f1 AS v, rowtime FROM events WHERE f1 >= 20000");
    DataStream<Row> stream = tEnv.toChangelogStream(late, Schema.newBuilder()
        .column("k", "STRING").column("v", "BIGINT")
        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").build());
    List<Row> stamped = stream.process(new ProcessFunction<Row, Row>() {
      @Override
      public void processElement(Row row, Context ctx, Collector<Row> out) {
        out.collect(Row.of(row.getField(0), row.getField(1), row.getArity(), ctx.timestamp()));
      }
    }, Types.ROW(Types.STRING, Types.LONG, Types.INT, Types.LONG)).executeAndCollect(100);
    List<Row> expected = new ArrayList<>();
    for (long i = 20; i < 25; i++) {
      expected.add(Row.of("k" + i % 2, i * 1000, 2, i * 1000));
    }
    assertThat(stamped).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void toDataStreamGivesTheRowtimeAsTheRecordsTimestampAndKeepsTheColumn() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    List<Tuple2<String, java.time.Instant>> events = List.of(
        Tuple2.of("a", java.time.Instant.ofEpochMilli(1_500).plusNanos(700)),
        Tuple2.of("b", java.time.Instant.ofEpochMilli(2_500)));
    // The stream has no timestamps: the declared, narrowed column f1 is the rowtime.
    Table table = tEnv.fromDataStream(env.fromData(events, Types.TUPLE(Types.STRING, Types.INSTANT)),
        Schema.newBuilder()
            .column("f0", "STRING")
            .column("f1", "TIMESTAMP_LTZ(3)")
            .watermark("f1", "f1 - INTERVAL '1' SECOND")
            .build());
    List<Row> stamped = tEnv.toDataStream(table).process(new ProcessFunction<Row, Row>() {
      @Override
      public void processElement(Row row, Context ctx, Collector<Row> out) {
        out.collect(Row.of(row.getField(0), row.getArity(), ctx.timestamp()));
      }
    }, Types.ROW(Types.STRING, Types.INT, Types.LONG)).executeAndCollect(10);
    assertThat(stamped).containsExactlyInAnyOrder(Row.of("a", 2, 1_500L), Row.of("b", 2, 2_500L));
  }

  private static final java.util.Queue<String> SUNK = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @Test
  void envExecuteRunsTheSqlPartsInTheProgramsJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    StreamTableEnvironment tEnv = words(env);
    SUNK.clear();
    tEnv.toDataStream(tEnv.sqlQuery("SELECT f0, f1 FROM words WHERE f1 % 10 = 0"))
        .map(row -> row.getField(0) + ":" + row.getField(1), Types.STRING)
        .addSink(new io.spate.api.functions.sink.SinkFunction<String>() {
          @Override
          public void invoke(String value, Context context) {
            SUNK.add(value);
          }
        });
    env.execute("program with SQL");
    assertThat(SUNK).containsExactlyInAnyOrder("w0:0", "w2:10", "w0:20");
  }
}
