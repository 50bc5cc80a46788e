package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.Transformation;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * A filter and projection over a table with computed columns and a computed rowtime read the source's
 * rows, with the computed columns evaluated in their generated code (no step that makes a row of every
 * column first, no step that sets the records' timestamps again): the rows and record timestamps are
 * those the step-by-step job gives (code generation off), and those computed here from the sequence.
 */
class SqlComputedColumnsInReadersE2ETest {

  private static final int ROWS = 300;
  private static final long START = LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();

  /** Each row with its record's timestamp as a last column. */
  private static final class WithTimestamp extends ProcessFunction<Row, Row> {
    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
      Row stamped = new Row(row.getKind(), row.getArity() + 1);
      for (int i = 0; i < row.getArity(); i++) {
        stamped.setField(i, row.getField(i));
      }
      stamped.setField(row.getArity(), ctx.timestamp());
      out.collect(stamped);
    }
  }

  private record Run(List<String> steps, List<Row> rows) {}

  private static Run run(String query, boolean generated) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.getConfig().set("table.exec.spate.codegen.enabled", String.valueOf(generated));
    // The rowtime is a CASE over the kind, as the Nexmark table's dateTime.
    tEnv.executeSql("CREATE TABLE seq ("
        + " n BIGINT,"
        + " kind AS CAST(n % 3 AS INT),"
        + " ts AS CASE WHEN n % 3 = 0 THEN CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3))"
        + " ELSE CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3)) END,"
        + " WATERMARK FOR ts AS ts - INTERVAL '2' SECOND"
        + ") WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',"
        + " 'fields.n.end' = '" + (ROWS - 1) + "')");
    DataStream<Row> changes = tEnv.toChangelogStream(tEnv.sqlQuery(query));
    List<String> steps = StreamGraph.reachableFrom(List.of(changes.getTransformation())).stream()
        .map(Transformation::getName).toList();
    TypeInformation<?>[] fields = ((RowTypeInfo) changes.getType()).getFieldTypes();
    TypeInformation<?>[] stampedFields = Arrays.copyOf(fields, fields.length + 1);
    stampedFields[fields.length] = Types.LONG;
    DataStream<Row> stamped = changes.process(new WithTimestamp(), new RowTypeInfo(stampedFields));
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = stamped.executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return new Run(steps, rows);
  }

  private static LocalDateTime ts(long n) {
    return LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(n);
  }

  private static List<Row> expected(LongPredicate kept, LongFunction<Row> row) {
    List<Row> rows = new ArrayList<>();
    for (long n = 0; n < ROWS; n++) {
      if (kept.test(n)) {
        rows.add(row.apply(n));
      }
    }
    return rows;
  }

  @Test
  void aFilteredProjectionEvaluatesTheComputedColumnsItselfAndKeepsTheRowtimeAsTimestamp() throws Exception {
    String query = "SELECT n, kind, ts FROM seq WHERE kind = 1";
    Run fused = run(query, true);
    Run stepByStep = run(query, false);
    List<Row> expected = expected(n -> n % 3 == 1, n -> Row.of(n, 1, ts(n), START + 1000 * n));
    assertThat(fused.rows()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(stepByStep.rows()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(fused.steps()).noneMatch(step -> step.startsWith("Computed columns"))
        .noneMatch(step -> step.startsWith("Record timestamps")).anyMatch(step -> step.startsWith("Watermarks of seq"));
    assertThat(stepByStep.steps()).anyMatch(step -> step.startsWith("Computed columns of seq"));
  }

  @Test
  void anInterpretedFunctionOfAComputedColumnGetsItsValueFromTheGeneratedCode() throws Exception {
    String query = "SELECT n, DATE_FORMAT(ts, 'HH:mm:ss') FROM seq WHERE MOD(n, 7) = 0";
    Run fused = run(query, true);
    List<Row> expected = expected(n -> n % 7 == 0,
        n -> Row.of(n, String.format("%02d:%02d:%02d", n / 3600, n / 60 % 60, n % 60)));
    assertThat(withoutTimestamps(fused.rows())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(withoutTimestamps(run(query, false).rows())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(fused.steps()).noneMatch(step -> step.startsWith("Computed columns"));
  }

  @Test
  void aComputedColumnDeepInsideAnInterpretedCallIsReadFromTheTablesRows() throws Exception {
    String query = "SELECT n, DATE_FORMAT(ts + INTERVAL '1' SECOND, 'HH:mm:ss') FROM seq WHERE MOD(n, 7) = 0";
    Run run = run(query, true);
    assertThat(withoutTimestamps(run.rows())).containsExactlyInAnyOrderElementsOf(expected(n -> n % 7 == 0,
        n -> Row.of(n, String.format("%02d:%02d:%02d", (n + 1) / 3600, (n + 1) / 60 % 60, (n + 1) % 60))));
    assertThat(run.steps()).anyMatch(step -> step.startsWith("Computed columns of seq"));
  }

  @Test
  void windowsOverTheTableCloseOnTheWatermarksOfTheSourcesRows() throws Exception {
    String query = "SELECT window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE seq, DESCRIPTOR(ts), INTERVAL '1' MINUTE))"
        + " GROUP BY window_start, window_end";
    List<Row> expected = new ArrayList<>();
    for (long minute = 0; minute < ROWS / 60; minute++) {
      expected.add(Row.of(ts(minute * 60), 60L));
    }
    assertThat(withoutTimestamps(run(query, true).rows())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(withoutTimestamps(run(query, false).rows())).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<Row> withoutTimestamps(List<Row> rows) {
    return rows.stream().map(row -> Row.of(row.getField(0), row.getField(1))).toList();
  }
}
