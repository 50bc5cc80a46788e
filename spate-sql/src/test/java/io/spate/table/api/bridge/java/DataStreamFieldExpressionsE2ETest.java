package io.spate.table.api.bridge.java;

import static io.spate.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.Table;
import io.spate.table.api.ValidationException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code fromDataStream(stream, Expression...)} and {@code createTemporaryView(path, stream, Expression...)}
 * as in Flink: renames by position, picks and renames by name, appends or replaces the rowtime attribute
 * and appends a proctime attribute, with Flink's errors for misuse.
 */
class DataStreamFieldExpressionsE2ETest {

  /** A POJO, whose fields are always referenced by name. */
  public static class Order {
    public String item;
    public long cents;

    public Order() {}

    Order(String item, long cents) {
      this.item = item;
      this.cents = cents;
    }
  }

  private StreamExecutionEnvironment env;
  private StreamTableEnvironment tEnv;
  /** (id, name) pairs whose record timestamps are id * 1000 + 7. */
  private DataStream<Tuple2<Long, String>> pairs;

  @BeforeEach
  void createProgram() {
    env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    tEnv = StreamTableEnvironment.create(env);
    List<Tuple2<Long, String>> data = new ArrayList<>();
    for (long i = 0; i < 5; i++) {
      data.add(Tuple2.of(i, "n" + i));
    }
    pairs = env.fromData(data, Types.TUPLE(Types.LONG, Types.STRING))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, String>>forMonotonousTimestamps()
            .withTimestampAssigner((pair, previous) -> pair.f0 * 1000 + 7));
  }

  private static List<Row> rows(Table table) {
    List<Row> rows = new ArrayList<>();
    table.execute().collect().forEachRemaining(rows::add);
    return rows;
  }

  private static LocalDateTime utc(long millis) {
    return LocalDateTime.ofEpochSecond(millis / 1000, (int) (millis % 1000) * 1_000_000, ZoneOffset.UTC);
  }

  @Test
  void namesThatAreNoFieldsRenameTheFieldsByPosition() {
    Table table = tEnv.fromDataStream(pairs, $("id"), $("name"));
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("id", "name");
    assertThat(rows(table.where($("id").isLess(2)))).containsExactlyInAnyOrder(Row.of(0L, "n0"), Row.of(1L, "n1"));
    Table first = tEnv.fromDataStream(pairs, $("only"));
    assertThat(first.getResolvedSchema().getColumnNames()).containsExactly("only");
  }

  @Test
  void fieldNamesPickReorderAndRenameByName() {
    Table swapped = tEnv.fromDataStream(pairs, $("f1").as("name"), $("f0").as("id"));
    assertThat(swapped.getResolvedSchema().getColumnNames()).containsExactly("name", "id");
    assertThat(rows(swapped.where($("id").isEqual(3)))).containsExactly(Row.of("n3", 3L));
    Table projected = tEnv.fromDataStream(pairs, $("f1"));
    assertThat(projected.getResolvedSchema().getColumnNames()).containsExactly("f1");
    DataStream<Order> orders = env.fromData(List.of(new Order("tea", 250), new Order("cake", 400)),
        Types.POJO(Order.class));
    tEnv.createTemporaryView("orders", orders, $("cents").as("price"), $("item"));
    assertThat(rows(tEnv.sqlQuery("SELECT * FROM orders WHERE price > 300"))).containsExactly(Row.of(400L, "cake"));
  }

  @Test
  void rowtimeAppendsTheRecordTimestampOrReplacesAFieldAndIsTheEventTimeAttribute() {
    Table appended = tEnv.fromDataStream(pairs, $("id"), $("name"), $("ts").rowtime());
    assertThat(appended.getResolvedSchema().getColumnNames()).containsExactly("id", "name", "ts");
    // The table's schema marks the event-time attribute, as Flink's does and as the result of running it does.
    assertThat(appended.getResolvedSchema().getColumnTypes().get(2).asSummaryString())
        .isEqualTo("TIMESTAMP(3) *ROWTIME*");
    assertThat(rows(appended.where($("id").isEqual(2)))).containsExactly(Row.of(2L, "n2", utc(2007)));
    // f0 is replaced: its column holds the record's timestamp, not the field's value.
    tEnv.createTemporaryView("replaced", pairs, $("f1"), $("f0").rowtime());
    assertThat(rows(tEnv.sqlQuery("SELECT f1, f0 FROM replaced WHERE f1 = 'n4'"))).containsExactly(
        Row.of("n4", utc(4007)));
    List<Row> windows = rows(tEnv.sqlQuery("SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE replaced,"
        + " DESCRIPTOR(f0), INTERVAL '2' SECOND)) GROUP BY window_start, window_end"));
    assertThat(windows).containsExactlyInAnyOrder(Row.of(utc(0), 2L), Row.of(utc(2000), 2L), Row.of(utc(4000), 1L));
  }

  @Test
  void proctimeAppendsAProcessingTimeAttribute() {
    Table table = tEnv.fromDataStream(pairs, $("id"), $("name"), $("pt").proctime());
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("id", "name", "pt");
    assertThat(table.getResolvedSchema().getColumnTypes().get(2).asSummaryString()).startsWith("TIMESTAMP_LTZ(3)");
    tEnv.createTemporaryView("timed", table);
    assertThat(rows(tEnv.sqlQuery("SELECT id FROM timed WHERE pt IS NOT NULL AND id >= 3")))
        .containsExactlyInAnyOrder(Row.of(3L), Row.of(4L));
  }

  @Test
  void misuseFailsWithFlinksKindOfMessage() {
    assertThatThrownBy(() -> tEnv.fromDataStream(pairs, $("f0"), $("f1").proctime()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("expression 2")
        .hasMessageContaining("must not replace an existing field");
    assertThatThrownBy(() -> tEnv.fromDataStream(pairs, $("pt").proctime(), $("a"), $("b")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("can only be appended")
        .hasMessageContaining("move 'pt' to the end");
    assertThatThrownBy(() -> tEnv.fromDataStream(pairs, $("f0"), $("f1").rowtime()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("field 'f1'").hasMessageContaining("STRING")
        .hasMessageContaining("time type");
    assertThatThrownBy(() -> tEnv.fromDataStream(pairs, $("a").rowtime(), $("b"), $("c").rowtime()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("expression 3")
        .hasMessageContaining("second rowtime attribute");
    assertThatThrownBy(() -> tEnv.fromDataStream(pairs, $("a"), $("b"), $("c")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("expression 3")
        .hasMessageContaining("has 2 field(s)");
    assertThatThrownBy(() -> tEnv.fromDataStream(pairs, $("f0"), $("f2")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'f2', which is not a field")
        .hasMessageContaining("f0, f1");
    assertThatThrownBy(() -> tEnv.fromDataStream(pairs, $("f0").plus(1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("expression 1")
        .hasMessageContaining("not a field reference");
    assertThatThrownBy(() -> tEnv.fromDataStream(pairs, $("f0"), $("f0")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("a second time");
    DataStream<Order> orders = env.fromData(List.of(new Order("tea", 250)), Types.POJO(Order.class));
    assertThatThrownBy(() -> tEnv.fromDataStream(orders, $("what"), $("price")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'what', which is not a field");
    assertThatThrownBy(() -> tEnv.fromDataStream(orders, $("iten")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("did you mean 'item'?");
  }
}
