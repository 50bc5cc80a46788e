package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.functions.Collector;
import io.spate.api.tuple.Tuple2;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.annotation.FunctionHint;
import io.spate.table.functions.ScalarFunction;
import io.spate.table.functions.TableAggregateFunction;
import io.spate.table.testing.ChangelogFold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code flatAggregate} with table aggregate functions: changelogs, results, and misuse. */
class TableApiFlatAggregateE2ETest {

  /** The two largest values of a group with their ranks, emitted whole each time. */
  public static class Top2 extends TableAggregateFunction<Tuple2<Integer, Integer>, Top2.Accumulator> {
    /** The largest value and the one after it. */
    public static class Accumulator {
      public Integer first;
      public Integer second;
    }

    @Override
    public Accumulator createAccumulator() {
      return new Accumulator();
    }

    public void accumulate(Accumulator acc, Integer value) {
      if (acc.first == null || value > acc.first) {
        acc.second = acc.first;
        acc.first = value;
      } else if (acc.second == null || value > acc.second) {
        acc.second = value;
      }
    }

    public void emitValue(Accumulator acc, Collector<Tuple2<Integer, Integer>> out) {
      if (acc.first != null) {
        out.collect(Tuple2.of(acc.first, 1));
      }
      if (acc.second != null) {
        out.collect(Tuple2.of(acc.second, 2));
      }
    }
  }

  /** Top2 that emits only what changed since its last emission. */
  public static class IncrementalTop2 extends TableAggregateFunction<Tuple2<Integer, Integer>,
      IncrementalTop2.Accumulator> {
    /** The two largest values now and at the last emission. */
    public static class Accumulator {
      public Integer first;
      public Integer second;
      public Integer emittedFirst;
      public Integer emittedSecond;
    }

    @Override
    public Accumulator createAccumulator() {
      return new Accumulator();
    }

    public void accumulate(Accumulator acc, Integer value) {
      if (acc.first == null || value > acc.first) {
        acc.second = acc.first;
        acc.first = value;
      } else if (acc.second == null || value > acc.second) {
        acc.second = value;
      }
    }

    public void emitUpdateWithRetract(Accumulator acc, RetractableCollector<Tuple2<Integer, Integer>> out) {
      if (acc.first != null && !acc.first.equals(acc.emittedFirst)) {
        if (acc.emittedFirst != null) {
          out.retract(Tuple2.of(acc.emittedFirst, 1));
        }
        out.collect(Tuple2.of(acc.first, 1));
        acc.emittedFirst = acc.first;
      }
      if (acc.second != null && !acc.second.equals(acc.emittedSecond)) {
        if (acc.emittedSecond != null) {
          out.retract(Tuple2.of(acc.emittedSecond, 2));
        }
        out.collect(Tuple2.of(acc.second, 2));
        acc.emittedSecond = acc.second;
      }
    }
  }

  /** The two largest values over a changelog: keeps every value's count so that values can be retracted. */
  public static class RetractableTop2 extends TableAggregateFunction<Tuple2<Long, Integer>,
      RetractableTop2.Accumulator> {
    /** Each value and how often the group holds it. */
    public static class Accumulator {
      public Map<Long, Integer> counts = new HashMap<>();
    }

    @Override
    public Accumulator createAccumulator() {
      return new Accumulator();
    }

    public void accumulate(Accumulator acc, Long value) {
      acc.counts.merge(value, 1, Integer::sum);
    }

    public void retract(Accumulator acc, Long value) {
      acc.counts.merge(value, -1, Integer::sum);
      acc.counts.remove(value, 0);
    }

    public void emitValue(Accumulator acc, Collector<Tuple2<Long, Integer>> out) {
      List<Long> values = new ArrayList<>();
      acc.counts.forEach((value, count) -> {
        for (int i = 0; i < count; i++) {
          values.add(value);
        }
      });
      values.sort(Comparator.reverseOrder());
      for (int i = 0; i < Math.min(2, values.size()); i++) {
        out.collect(Tuple2.of(values.get(i), i + 1));
      }
    }
  }

  /** Each distinct value of a group with how often it came, as rows that a hint types. */
  @FunctionHint(output = @DataTypeHint("ROW<word STRING, n INT>"))
  public static class Counts extends TableAggregateFunction<Row, Counts.Accumulator> {
    /** Each value's count. */
    public static class Accumulator {
      public Map<String, Integer> counts = new HashMap<>();
    }

    @Override
    public Accumulator createAccumulator() {
      return new Accumulator();
    }

    public void accumulate(Accumulator acc, String word) {
      acc.counts.merge(word, 1, Integer::sum);
    }

    public void emitValue(Accumulator acc, Collector<Row> out) {
      acc.counts.forEach((word, n) -> out.collect(Row.of(word, n)));
    }
  }

  /** The largest value of a group, as a single column. */
  public static class Largest extends TableAggregateFunction<Integer, Top2.Accumulator> {
    @Override
    public Top2.Accumulator createAccumulator() {
      return new Top2.Accumulator();
    }

    public void accumulate(Top2.Accumulator acc, Integer value) {
      acc.first = acc.first == null ? value : Math.max(acc.first, value);
    }

    public void emitValue(Top2.Accumulator acc, Collector<Integer> out) {
      out.collect(acc.first);
    }
  }

  /** A table aggregate function without a method to emit its rows. */
  public static class Silent extends TableAggregateFunction<Integer, Top2.Accumulator> {
    @Override
    public Top2.Accumulator createAccumulator() {
      return new Top2.Accumulator();
    }

    public void accumulate(Top2.Accumulator acc, Integer value) {}
  }

  /** A table aggregate function whose accumulate takes another accumulator than it creates. */
  public static class WrongAccumulator extends TableAggregateFunction<Integer, Top2.Accumulator> {
    @Override
    public Top2.Accumulator createAccumulator() {
      return new Top2.Accumulator();
    }

    public void accumulate(StringBuilder acc, Integer value) {}

    public void emitValue(Top2.Accumulator acc, Collector<Integer> out) {}
  }

  /** A scalar function, which flatAggregate does not take. */
  public static class Twice extends ScalarFunction {
    public Integer eval(Integer value) {
      return value * 2;
    }
  }

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  private Table values(List<Row> rows) {
    return tEnv.fromValues(DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()),
        DataTypes.FIELD("v", DataTypes.INT())), rows);
  }

  private static Row change(RowKind kind, Object... fields) {
    Row row = Row.of(fields);
    row.setKind(kind);
    return row;
  }

  @Test
  void emitValueRetractsAKeysEarlierRowsAndInsertsItsNewOnes() {
    Table input = values(List.of(Row.of("a", 1), Row.of("b", 5), Row.of("a", 3), Row.of("a", 2), Row.of("b", 4)));
    Table top = input.groupBy($("k")).flatAggregate(call(Top2.class, $("v")).as("v", "rank"))
        .select($("k"), $("v"), $("rank"));
    assertThat(top.getResolvedSchema().getColumnNames()).containsExactly("k", "v", "rank");
    List<Row> rows = TableResults.rows(top.execute());
    assertThat(rows.stream().filter(r -> r.getField(0).equals("a")).toList()).containsExactly(
        change(RowKind.INSERT, "a", 1, 1),
        change(RowKind.DELETE, "a", 1, 1),
        change(RowKind.INSERT, "a", 3, 1),
        change(RowKind.INSERT, "a", 1, 2),
        change(RowKind.DELETE, "a", 3, 1),
        change(RowKind.DELETE, "a", 1, 2),
        change(RowKind.INSERT, "a", 3, 1),
        change(RowKind.INSERT, "a", 2, 2));
    assertThat(rows.stream().filter(r -> r.getField(0).equals("b")).toList()).containsExactly(
        change(RowKind.INSERT, "b", 5, 1),
        change(RowKind.DELETE, "b", 5, 1),
        change(RowKind.INSERT, "b", 5, 1),
        change(RowKind.INSERT, "b", 4, 2));
  }

  @Test
  void theFinalTableIsTheTopTwoOfEveryKey() {
    qt().withExamples(12).withShrinkCycles(20)
        .forAll(lists().of(integers().between(0, 3 * 100 - 1)).ofSizeBetween(0, 25))
        .checkAssert(encoded -> {
          List<Row> rows = new ArrayList<>();
          for (int value : encoded) {
            rows.add(Row.of("k" + value % 3, value / 3));
          }
          Table top = rows.isEmpty() ? values(List.of()) : values(rows);
          Map<Row, Integer> result = ChangelogFold.fold(TableResults.rows(top.groupBy($("k"))
              .flatAggregate(call(Top2.class, $("v")).as("v", "rank")).select($("k"), $("v"), $("rank")).execute()));
          assertThat(result).isEqualTo(bruteForceTop2(rows));
        });
  }

  private static Map<Row, Integer> bruteForceTop2(List<Row> rows) {
    Map<String, List<Integer>> byKey = new TreeMap<>();
    for (Row row : rows) {
      byKey.computeIfAbsent((String) row.getField(0), k -> new ArrayList<>()).add((Integer) row.getField(1));
    }
    Map<Row, Integer> expected = new HashMap<>();
    byKey.forEach((key, values) -> {
      values.sort(Comparator.reverseOrder());
      for (int i = 0; i < Math.min(2, values.size()); i++) {
        expected.merge(Row.of(key, values.get(i), i + 1), 1, Integer::sum);
      }
    });
    return expected;
  }

  @Test
  void aNonGroupedFlatAggregateTreatsTheTableAsOneGroup() {
    Table top = values(List.of(Row.of("a", 7), Row.of("b", 9), Row.of("c", 8)))
        .flatAggregate(call(Top2.class, $("v")).as("v", "rank")).select($("rank"), $("v"));
    assertThat(top.getResolvedSchema().getColumnNames()).containsExactly("rank", "v");
    assertThat(ChangelogFold.fold(TableResults.rows(top.execute())))
        .isEqualTo(Map.of(Row.of(1, 9), 1, Row.of(2, 8), 1));
  }

  @Test
  void emitUpdateWithRetractEmitsOnlyTheChangesTheFunctionReports() {
    Table top = values(List.of(Row.of("a", 1), Row.of("a", 3), Row.of("a", 2), Row.of("a", 0)))
        .groupBy($("k")).flatAggregate(call(IncrementalTop2.class, $("v")).as("v", "rank"))
        .select($("k"), $("v"), $("rank"));
    assertThat(TableResults.rows(top.execute())).containsExactly(
        change(RowKind.INSERT, "a", 1, 1),
        change(RowKind.DELETE, "a", 1, 1),
        change(RowKind.INSERT, "a", 3, 1),
        change(RowKind.INSERT, "a", 1, 2),
        change(RowKind.DELETE, "a", 1, 2),
        change(RowKind.INSERT, "a", 2, 2));
  }

  @Test
  void anUpdatingInputIsRetractedFromTheAccumulator() {
    // Per (k, id), the sum of the amounts: an updating table, whose old sums the function must retract.
    Table amounts = tEnv.fromValues(DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()),
            DataTypes.FIELD("id", DataTypes.INT()), DataTypes.FIELD("amount", DataTypes.BIGINT())),
        Row.of("a", 1, 5L), Row.of("a", 2, 3L), Row.of("a", 3, 4L), Row.of("a", 1, -4L), Row.of("b", 1, 2L),
        Row.of("a", 2, 9L));
    Table sums = amounts.groupBy($("k"), $("id")).select($("k"), $("id"), $("amount").sum().as("total"));
    Table top = sums.groupBy($("k")).flatAggregate(call(RetractableTop2.class, $("total")).as("total", "rank"))
        .select($("k"), $("total"), $("rank"));
    // final sums: a1 = 1, a2 = 12, a3 = 4, b1 = 2
    assertThat(ChangelogFold.fold(TableResults.rows(top.execute()))).isEqualTo(Map.of(
        Row.of("a", 12L, 1), 1, Row.of("a", 4L, 2), 1, Row.of("b", 2L, 1), 1));
    Table noRetract = sums.select($("k"), $("total").cast(DataTypes.INT()).as("v"))
        .groupBy($("k")).flatAggregate(call(Top2.class, $("v"))).select($("k"), $("f0"));
    assertThatThrownBy(noRetract::execute).hasMessageContaining("needs a public retract method")
        .hasMessageContaining(Top2.class.getName());
  }

  @Test
  void explainShowsTheTableAggregateAndItsChanges() {
    Table top = values(List.of(Row.of("a", 1))).groupBy($("k"))
        .flatAggregate(call(Top2.class, $("v")).as("v", "rank")).select($("k"), $("v"), $("rank"));
    assertThat(top.explain(ExplainDetail.CHANGELOG_MODE))
        .contains("GroupTableAggregate(groupBy=[k], select=[k, Top2(v) AS $v], changelogMode=[I,D])");
  }

  @Test
  void aWindowFlatAggregateEmitsEachWindowsRowsOnceWhenItCloses() {
    tEnv.executeSql("CREATE TABLE events (id INT, k AS id % 2,"
        + " ts AS TIMESTAMP '2026-01-01 10:00:00' + id * INTERVAL '20' SECOND, WATERMARK FOR ts AS ts) WITH ("
        + "'connector' = 'datagen', 'number-of-rows' = '9', 'fields.id.kind' = 'sequence',"
        + " 'fields.id.start' = '1', 'fields.id.end' = '9')");
    Table top = tEnv.from("events").window(Tumble.over(Expressions.lit(1).minutes()).on($("ts")).as("w"))
        .groupBy($("w"), $("k"))
        .flatAggregate(call(Top2.class, $("id")).as("v", "rank"))
        .select($("k"), $("w").start().as("minute"), $("v"), $("rank"));
    assertThat(top.getResolvedSchema().getColumnNames()).containsExactly("k", "minute", "v", "rank");
    assertThat(top.explain(ExplainDetail.CHANGELOG_MODE)).contains("changelogMode=[I])");
    java.time.LocalDateTime ten = java.time.LocalDateTime.of(2026, 1, 1, 10, 0);
    // ids 1-2 are in the minute from 10:00, 3-5 from 10:01, 6-8 from 10:02, 9 from 10:03
    assertThat(TableResults.rows(top.execute())).containsExactlyInAnyOrder(
        Row.of(1, ten, 1, 1), Row.of(0, ten, 2, 1),
        Row.of(1, ten.plusMinutes(1), 5, 1), Row.of(1, ten.plusMinutes(1), 3, 2), Row.of(0, ten.plusMinutes(1), 4, 1),
        Row.of(0, ten.plusMinutes(2), 8, 1), Row.of(0, ten.plusMinutes(2), 6, 2), Row.of(1, ten.plusMinutes(2), 7, 1),
        Row.of(1, ten.plusMinutes(3), 9, 1));
  }

  @Test
  void theColumnsAreTheHintedRowsFieldsOrF0ForSingleValues() {
    Table words = tEnv.fromValues(DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()),
        DataTypes.FIELD("w", DataTypes.STRING())), Row.of(1, "x"), Row.of(1, "y"), Row.of(1, "x"), Row.of(2, "z"));
    Table counted = words.groupBy($("k")).flatAggregate(call(Counts.class, $("w"))).select($("k"), $("word"), $("n"));
    assertThat(ChangelogFold.fold(TableResults.rows(counted.execute())))
        .isEqualTo(Map.of(Row.of(1, "x", 2), 1, Row.of(1, "y", 1), 1, Row.of(2, "z", 1), 1));
    Table largest = values(List.of(Row.of("a", 4), Row.of("a", 6), Row.of("b", 1)))
        .groupBy($("k")).flatAggregate(call(Largest.class, $("v"))).select($("k"), $("f0"));
    assertThat(ChangelogFold.fold(TableResults.rows(largest.execute())))
        .isEqualTo(Map.of(Row.of("a", 6), 1, Row.of("b", 1), 1));
  }

  @Test
  void batchModeRefusesFlatAggregateAsFlinkDoes() {
    TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    Table input = batch.fromValues(DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()),
        DataTypes.FIELD("v", DataTypes.INT())), Row.of("a", 1));
    Table top = input.groupBy($("k")).flatAggregate(call(Top2.class, $("v"))).select($("k"), $("f0"));
    assertThatThrownBy(top::execute).isInstanceOf(TableException.class)
        .hasMessageContaining("flatAggregate (the table aggregate Top2(v)) runs in streaming mode only");
  }

  @Test
  void misuseFailsNamingWhatIsWrong() {
    Table input = values(List.of(Row.of("a", 1)));
    assertThatThrownBy(() -> input.groupBy($("k")).flatAggregate(call(Silent.class, $("v"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining(Silent.class.getName())
        .hasMessageContaining("emitValue");
    assertThatThrownBy(() -> input.groupBy($("k")).flatAggregate(call(WrongAccumulator.class, $("v"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("createAccumulator")
        .hasMessageContaining("StringBuilder");
    assertThatThrownBy(() -> input.groupBy($("k")).flatAggregate(call(Twice.class, $("v"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("flatAggregate takes a call of a table aggregate function")
        .hasMessageContaining(Twice.class.getName());
    assertThatThrownBy(() -> input.flatAggregate(call("SUM", $("v"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("SUM is a built-in function");
    assertThatThrownBy(() -> input.groupBy($("k")).flatAggregate(call(Top2.class, $("v")).as("v", "rank"))
        .select($("k"), $("score")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("score");
    assertThatThrownBy(() -> input.groupBy($("k")).flatAggregate(call(Top2.class, $("v")).as("v")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("as(...) names 1 columns");
  }
}
