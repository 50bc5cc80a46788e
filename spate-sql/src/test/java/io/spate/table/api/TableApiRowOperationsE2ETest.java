package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.annotation.FunctionHint;
import io.spate.table.functions.AggregateFunction;
import io.spate.table.functions.ScalarFunction;
import io.spate.table.functions.TableFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code map}, {@code flatMap}, {@code joinLateral} and {@code aggregate} with user-defined functions. */
class TableApiRowOperationsE2ETest {

  /** A name and its length, as a row. */
  public static class NameAndLength extends ScalarFunction {
    @DataTypeHint("ROW<name STRING, len INT>")
    public Row eval(String name) {
      return Row.of(name, name.length());
    }
  }

  /** The name with a suffix: a scalar function that does not return a row. */
  public static class Suffixed extends ScalarFunction {
    private final String suffix;

    public Suffixed(String suffix) {
      this.suffix = suffix;
    }

    public String eval(String name) {
      return name + suffix;
    }
  }

  /** The letters of a word, one row each with its place. */
  @FunctionHint(output = @DataTypeHint("ROW<letter STRING, place INT>"))
  public static class Letters extends TableFunction<Row> {
    public void eval(String word) {
      for (int i = 0; i < word.length(); i++) {
        collect(Row.of(word.substring(i, i + 1), i + 1));
      }
    }
  }

  /** The largest and smallest value of a group, as a row. */
  @FunctionHint(output = @DataTypeHint("ROW<low INT, high INT>"))
  public static class Range extends AggregateFunction<Row, Range.Bounds> {
    /** The accumulator. */
    public static class Bounds {
      public Integer low;
      public Integer high;
    }

    @Override
    public Bounds createAccumulator() {
      return new Bounds();
    }

    @Override
    public Row getValue(Bounds bounds) {
      return Row.of(bounds.low, bounds.high);
    }

    public void accumulate(Bounds bounds, Integer value) {
      if (value != null) {
        bounds.low = bounds.low == null ? value : Math.min(bounds.low, value);
        bounds.high = bounds.high == null ? value : Math.max(bounds.high, value);
      }
    }
  }

  private static final List<Row> PEOPLE = List.of(Row.of("ann", 30), Row.of("bo", 25), Row.of("cyd", 41),
      Row.of("bo", 19));

  private TableEnvironment tEnv;
  private Table people;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    people = tEnv.fromValues(PEOPLE).as("name", "age");
  }

  @Test
  void mapFlattensTheRowAScalarFunctionReturns() {
    Table mapped = people.map(call(NameAndLength.class, $("name")));
    assertThat(mapped.getResolvedSchema().getColumnNames()).containsExactly("name", "len");
    List<Row> expected = PEOPLE.stream().map(p -> Row.of(p.getField(0), ((String) p.getField(0)).length())).toList();
    assertThat(TableResults.rows(mapped.execute())).containsExactlyElementsOf(expected);
    Table renamed = people.map(call(NameAndLength.class, $("name")).as("who", "letters"));
    assertThat(renamed.getResolvedSchema().getColumnNames()).containsExactly("who", "letters");
  }

  @Test
  void mapOfAFunctionWithoutARowGivesOneColumn() {
    Table mapped = people.map(call(new Suffixed("!"), $("name")));
    assertThat(mapped.getResolvedSchema().getColumnNames()).containsExactly("f0");
    assertThat(TableResults.rows(mapped.execute()))
        .containsExactly(Row.of("ann!"), Row.of("bo!"), Row.of("cyd!"), Row.of("bo!"));
  }

  @Test
  void flatMapGivesTheRowsOfATableFunction() {
    Table letters = people.flatMap(call(Letters.class, $("name")));
    assertThat(letters.getResolvedSchema().getColumnNames()).containsExactly("letter", "place");
    List<Row> expected = new ArrayList<>();
    for (Row person : PEOPLE) {
      String name = (String) person.getField(0);
      for (int i = 0; i < name.length(); i++) {
        expected.add(Row.of(name.substring(i, i + 1), i + 1));
      }
    }
    assertThat(TableResults.rows(letters.execute())).containsExactlyElementsOf(expected);
  }

  @Test
  void joinLateralJoinsEachRowWithItsFunctionRows() {
    tEnv.createTemporarySystemFunction("letters", Letters.class);
    Table joined = people.joinLateral(call("letters", $("name")).as("l", "p"))
        .select($("name"), $("age"), $("l"), $("p"));
    List<Row> expected = new ArrayList<>();
    for (Row person : PEOPLE) {
      String name = (String) person.getField(0);
      for (int i = 0; i < name.length(); i++) {
        expected.add(Row.of(name, person.getField(1), name.substring(i, i + 1), i + 1));
      }
    }
    assertThat(TableResults.rows(joined.execute())).containsExactlyElementsOf(expected);
    assertThatThrownBy(() -> people.joinLateral(call("letters", $("name")).as("l", "p"), $("p").isLess(2)))
        .isInstanceOf(TableException.class).hasMessageContaining("does not support a join predicate of joinLateral");

    Table empty = tEnv.fromValues("", "ab").as("word");
    assertThat(TableResults.rows(empty.leftOuterJoinLateral(call("letters", $("word"))).execute()))
        .containsExactly(Row.of("", null, null), Row.of("ab", "a", 1), Row.of("ab", "b", 2));
    assertThat(TableResults.rows(empty.joinLateral(call("letters", $("word"))).execute()))
        .containsExactly(Row.of("ab", "a", 1), Row.of("ab", "b", 2));
    assertThatThrownBy(() -> empty.leftOuterJoinLateral(call("letters", $("word")), $("place").isEqual(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("leftOuterJoinLateral takes no join predicate but TRUE");
  }

  @Test
  void aggregateFlattensTheRowOfAnAggregateFunctionPerGroup() {
    Table ranges = people.groupBy($("name"))
        .aggregate(call(Range.class, $("age")).as("youngest", "oldest"))
        .select($("name"), $("youngest"), $("oldest"));
    Map<String, int[]> bounds = new HashMap<>();
    for (Row person : PEOPLE) {
      int age = (Integer) person.getField(1);
      bounds.merge((String) person.getField(0), new int[] {age, age},
          (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    Map<Row, Integer> expected = new HashMap<>();
    bounds.forEach((name, b) -> expected.put(Row.of(name, b[0], b[1]), 1));
    assertThat(TableResults.folded(ranges.execute())).isEqualTo(expected);
    assertThat(TableResults.folded(people.aggregate(call(Range.class, $("age"))).select($("low"), $("high"))
        .execute())).isEqualTo(Map.of(Row.of(19, 41), 1));
  }

  @Test
  void aCallOfTheWrongKindOfFunctionIsRefused() {
    assertThatThrownBy(() -> people.map(call(Letters.class, $("name"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("map takes a call of a scalar function, but ")
        .hasMessageContaining("Letters is not one");
    assertThatThrownBy(() -> people.flatMap(call(NameAndLength.class, $("name"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("flatMap takes a call of a table function");
    assertThatThrownBy(() -> people.map($("name").upperCase()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("map takes a call of a scalar function");
    assertThatThrownBy(() -> people.map(call(NameAndLength.class, $("name")).as("only_one")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("as(...) names 1 columns, but the function"
            + " gives 2: [name, len]");
  }
}
