package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.StatementSet;
import io.spate.table.api.Table;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.types.logical.TimestampType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A window table function's rows keep the input's rowtime attribute next to {@code window_time}, as in Flink: a
 * query may collect both, but a DataStream or a sink, whose records carry one timestamp, takes a result with one
 * only, and a {@code CAST} to {@code TIMESTAMP(3)} makes the others plain timestamps.
 */
class TwoRowtimeAttributesE2ETest {

  private static final Path CLICKS = Path.of("src", "test", "resources", "conformance", "data", "clicks.csv")
      .toAbsolutePath();
  private static final String WINDOWED =
      "SELECT * FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(click_time), INTERVAL '10' MINUTE))";

  /** Each record's timestamp next to the value of the column at {@code field}, in epoch milliseconds (UTC). */
  private static final class TimestampAndField extends ProcessFunction<Row, Row> {
    private final int field;

    TimestampAndField(int field) {
      this.field = field;
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
      long value = ((LocalDateTime) row.getField(field)).toInstant(ZoneOffset.UTC).toEpochMilli();
      out.collect(Row.of(ctx.timestamp(), value));
    }
  }

  private StreamTableEnvironment tEnv;

  @BeforeEach
  void createClicks() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    tEnv = StreamTableEnvironment.create(env);
    tEnv.executeSql("CREATE TABLE clicks (user_name STRING, url STRING, click_time TIMESTAMP(3),"
        + " WATERMARK FOR click_time AS click_time - INTERVAL '1' SECOND)"
        + " WITH ('connector' = 'filesystem', 'path' = '" + CLICKS + "', 'format' = 'csv')");
    tEnv.executeSql("CREATE TABLE sink (user_name STRING, click_time TIMESTAMP(3), window_time TIMESTAMP(3))"
        + " WITH ('connector' = 'blackhole')");
  }

  @Test
  void theRowsOfAWindowFunctionHaveTwoRowtimeAttributes() {
    List<LogicalType> types = tEnv.sqlQuery(WINDOWED).getResolvedSchema().getColumnTypes();
    assertThat(types).extracting(t -> t instanceof TimestampType ts ? ts.getKind() : TimestampKind.REGULAR)
        .containsExactly(TimestampKind.REGULAR, TimestampKind.REGULAR, TimestampKind.ROWTIME, TimestampKind.REGULAR,
            TimestampKind.REGULAR, TimestampKind.ROWTIME);
  }

  @Test
  void aDataStreamTakesOneRowtimeAttributeOnly() {
    Table windowed = tEnv.sqlQuery(WINDOWED);
    assertThatThrownBy(() -> tEnv.toDataStream(windowed)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("[click_time, window_time]").hasMessageContaining("a DataStream")
        .hasMessageContaining("CAST");
    assertThatThrownBy(() -> tEnv.toChangelogStream(windowed)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("[click_time, window_time]");
  }

  @Test
  void theRowtimeAttributeThatIsNotCastGivesTheRecordsTimestamps() throws Exception {
    Table keepWindowTime = tEnv.sqlQuery("SELECT user_name, CAST(click_time AS TIMESTAMP(3)) AS clicked, window_time"
        + " FROM (" + WINDOWED + ")");
    assertThat(((TimestampType) keepWindowTime.getResolvedSchema().getColumnTypes().get(1)).getKind())
        .isEqualTo(TimestampKind.REGULAR);
    assertEveryTimestampIsTheField(keepWindowTime, 2);
    Table keepClickTime = tEnv.sqlQuery("SELECT user_name, click_time, CAST(window_time AS TIMESTAMP(3)) AS closed"
        + " FROM (" + WINDOWED + ")");
    assertEveryTimestampIsTheField(keepClickTime, 1);
  }

  private void assertEveryTimestampIsTheField(Table table, int field) throws Exception {
    List<Row> stamps = tEnv.toDataStream(table).process(new TimestampAndField(field), Types.ROW(Types.LONG, Types.LONG))
        .executeAndCollect(100);
    assertThat(stamps).hasSize(Files.readAllLines(CLICKS).size());
    for (Row stamp : stamps) {
      assertThat(stamp.getField(0)).as("the record's timestamp").isEqualTo(stamp.getField(1));
    }
  }

  @Test
  void aSinkTakesOneRowtimeAttributeOnly() {
    String insert = "INSERT INTO sink SELECT user_name, click_time, window_time FROM (" + WINDOWED + ")";
    assertThatThrownBy(() -> tEnv.executeSql(insert)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("[click_time, window_time]").hasMessageContaining("default_catalog.default_database.sink")
        .hasMessageContaining("CAST");
    StatementSet set = tEnv.createStatementSet().addInsertSql(insert);
    assertThatThrownBy(set::execute).isInstanceOf(ValidationException.class)
        .hasMessageContaining("[click_time, window_time]");
  }

  @Test
  void aSinkRunsWhenAllButOneRowtimeAttributeAreCast() throws Exception {
    tEnv.executeSql("INSERT INTO sink SELECT user_name, CAST(click_time AS TIMESTAMP(3)), window_time FROM ("
        + WINDOWED + ")").await();
  }

  @Test
  void aWindowOverTheRowsOnTheInputsRowtimeHasTheWindowsOfTheInput() throws Exception {
    String perWindow = "SELECT window_start, COUNT(*) AS clicks FROM TABLE(TUMBLE(TABLE %s, DESCRIPTOR(click_time),"
        + " INTERVAL '20' MINUTE)) GROUP BY window_start, window_end";
    tEnv.executeSql("CREATE VIEW tenths AS SELECT user_name, click_time, window_start AS ten_start,"
        + " window_time AS ten_time FROM (" + WINDOWED + ")");
    assertThat(collect(String.format(perWindow, "tenths"))).isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(collect(String.format(perWindow, "clicks")));
  }

  private List<Row> collect(String query) throws Exception {
    List<Row> rows = new java.util.ArrayList<>();
    try (var it = tEnv.executeSql(query).collect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void aCollectedResultMayHaveBoth() throws Exception {
    assertThat(collect(WINDOWED)).hasSize(Files.readAllLines(CLICKS).size());
  }
}
