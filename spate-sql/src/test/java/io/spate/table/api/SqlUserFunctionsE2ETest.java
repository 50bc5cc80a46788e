package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.annotation.FunctionHint;
import io.spate.table.functions.AggregateFunction;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.ScalarFunction;
import io.spate.table.functions.TableFunction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scalar, table and aggregate functions written by users in Java, registered by class name or instance. */
class SqlUserFunctionsE2ETest {

  /** Doubles a number; an INT argument widens to the BIGINT parameter. */
  public static class Twice extends ScalarFunction {
    public Long eval(Long n) {
      return n == null ? null : n * 2;
    }
  }

  /** Overloads chosen by the argument's type. */
  public static class Describe extends ScalarFunction {
    public String eval(String s) {
      return "string " + s;
    }

    public String eval(Integer i) {
      return "int " + i;
    }

    public String eval(Boolean b) {
      return "boolean " + b;
    }
  }

  /** Varargs: any number of strings joined with dashes. */
  public static class Dashed extends ScalarFunction {
    public String eval(String... parts) {
      return String.join("-", parts);
    }
  }

  /** A primitive sum: a NULL argument gives NULL without a call. */
  public static class PlainSum extends ScalarFunction {
    public int eval(int a, int b) {
      return a + b;
    }
  }

  /** A result type given by a hint. */
  public static class Cents extends ScalarFunction {
    public @DataTypeHint("DECIMAL(10, 2)") BigDecimal eval(Long cents) {
      return cents == null ? null : BigDecimal.valueOf(cents, 2);
    }
  }

  /** Needs its open to run before its first call. */
  public static class Prefixed extends ScalarFunction {
    private String prefix;

    @Override
    public void open(FunctionContext context) {
      prefix = context.getJobParameter("prefix", "p") + ":";
    }

    public String eval(String s) {
      return prefix + s;
    }
  }

  /** Fails on a negative number. */
  public static class Checked extends ScalarFunction {
    public Long eval(Long n) {
      if (n < 0) {
        throw new IllegalArgumentException("negative: " + n);
      }
      return n;
    }
  }

  /** The average of values weighted by weights, with retraction. */
  public static class WeightedAvg extends AggregateFunction<Long, WeightedAvg.Acc> {
    /** The accumulator: a POJO. */
    public static class Acc {
      public long sum;
      public long count;
    }

    @Override
    public Acc createAccumulator() {
      return new Acc();
    }

    @Override
    public Long getValue(Acc acc) {
      return acc.count == 0 ? null : acc.sum / acc.count;
    }

    public void accumulate(Acc acc, Long value, Integer weight) {
      if (value != null && weight != null) {
        acc.sum += value * weight;
        acc.count += weight;
      }
    }

    public void retract(Acc acc, Long value, Integer weight) {
      if (value != null && weight != null) {
        acc.sum -= value * weight;
        acc.count -= weight;
      }
    }

    public void merge(Acc acc, Iterable<Acc> others) {
      for (Acc other : others) {
        acc.sum += other.sum;
        acc.count += other.count;
      }
    }
  }

  /** Counts, without a retract method. */
  public static class InsertOnlyCount extends AggregateFunction<Long, InsertOnlyCount.Acc> {
    /** The accumulator. */
    public static class Acc {
      public long n;
    }

    @Override
    public Acc createAccumulator() {
      return new Acc();
    }

    @Override
    public Long getValue(Acc acc) {
      return acc.n;
    }

    public void accumulate(Acc acc, String any) {
      acc.n++;
    }
  }

  /** Splits a line into its words: a row per word, in a column f0. */
  public static class Split extends TableFunction<String> {
    public void eval(String line) {
      if (line != null) {
        for (String word : line.split(" ")) {
          collect(word);
        }
      }
    }
  }

  /** A row per word, with its length. */
  @FunctionHint(output = @DataTypeHint("ROW<word STRING, len INT>"))
  public static class WordLengths extends TableFunction<Row> {
    public void eval(String line) {
      if (line != null) {
        for (String word : line.split(" ")) {
          collect(Row.of(word, word.length()));
        }
      }
    }
  }

  private static final String NAMES = "(VALUES (1, 'a', CAST(NULL AS INT)), (2, 'b', 5)) AS t(n, s, m)";

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  private List<Row> rows(String query) {
    return TableResults.rows(tEnv.executeSql(query));
  }

  @Test
  void aFunctionCreatedByClassNameIsCalledPerRow() {
    tEnv.executeSql("CREATE FUNCTION twice AS '" + Twice.class.getName() + "'");
    assertThat(rows("SELECT n, TWICE(n), twice(n + 10) FROM " + NAMES))
        .containsExactly(Row.of(1, 2L, 22L), Row.of(2, 4L, 24L));
    assertThat(tEnv.sqlQuery("SELECT twice(n) AS t FROM " + NAMES).getResolvedSchema().getColumnDataTypes()
        .get(0).getLogicalType().asSummaryString()).isEqualTo("BIGINT");
  }

  @Test
  void overloadsVarargsPrimitivesAndHintsWorkAsDeclared() {
    tEnv.createTemporarySystemFunction("kind_of", Describe.class);
    tEnv.createTemporarySystemFunction("dashed", new Dashed());
    tEnv.createTemporaryFunction("plain_sum", PlainSum.class);
    tEnv.createTemporaryFunction("cents", Cents.class);
    assertThat(rows("SELECT kind_of(s), kind_of(n), kind_of(n > 1), dashed(s, 'x', s), dashed(s),"
        + " plain_sum(n, m), cents(CAST(n AS BIGINT) * 150) FROM " + NAMES)).containsExactly(
        Row.of("string a", "int 1", "boolean false", "a-x-a", "a", null, new BigDecimal("1.50")),
        Row.of("string b", "int 2", "boolean true", "b-x-b", "b", 7, new BigDecimal("3.00")));
    assertThat(tEnv.sqlQuery("SELECT cents(CAST(n AS BIGINT)) AS c FROM " + NAMES).getResolvedSchema()
        .getColumnDataTypes().get(0).getLogicalType().asSummaryString()).isEqualTo("DECIMAL(10, 2)");
  }

  @Test
  void aFunctionIsOpenedBeforeItsFirstCallWithTheJobParameters() {
    tEnv.createTemporarySystemFunction("prefixed", Prefixed.class);
    assertThat(rows("SELECT prefixed(s) FROM " + NAMES)).containsExactly(Row.of("p:a"), Row.of("p:b"));
  }

  @Test
  void aFailingFunctionFailsTheJobNamingIt() {
    tEnv.createTemporarySystemFunction("checked", Checked.class);
    assertThatThrownBy(() -> rows("SELECT checked(CAST(n AS BIGINT) - 2) FROM " + NAMES))
        .hasStackTraceContaining(Checked.class.getName() + ".eval failed")
        .hasStackTraceContaining("negative: -1");
  }

  @Test
  void aCallThatNoEvalMethodTakesIsAValidationErrorListingTheSignatures() {
    tEnv.createTemporarySystemFunction("twice", Twice.class);
    assertThatThrownBy(() -> tEnv.executeSql("SELECT twice(s) FROM " + NAMES))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("twice(BIGINT)");
  }

  @Test
  void functionStatementsCreateListAndDropFunctions() {
    tEnv.executeSql("CREATE TEMPORARY SYSTEM FUNCTION sys_twice AS '" + Twice.class.getName() + "'");
    tEnv.executeSql("CREATE TEMPORARY FUNCTION tmp_dashed AS '" + Dashed.class.getName() + "' LANGUAGE JAVA");
    tEnv.executeSql("CREATE FUNCTION IF NOT EXISTS cat_describe AS '" + Describe.class.getName() + "'");
    tEnv.executeSql("CREATE FUNCTION IF NOT EXISTS cat_describe AS '" + Twice.class.getName() + "'");
    assertThat(rows("SHOW USER FUNCTIONS")).containsExactly(Row.of("cat_describe"), Row.of("sys_twice"),
        Row.of("tmp_dashed"));
    assertThat(rows("SHOW FUNCTIONS")).contains(Row.of("sys_twice"), Row.of("UPPER"), Row.of("DATE_FORMAT"));
    assertThat(tEnv.listUserDefinedFunctions()).containsExactly("cat_describe", "sys_twice", "tmp_dashed");
    assertThat(rows("SELECT cat_describe(n) FROM " + NAMES)).containsExactly(Row.of("int 1"), Row.of("int 2"));

    assertThatThrownBy(() -> tEnv.executeSql("CREATE FUNCTION cat_describe AS '" + Twice.class.getName() + "'"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
    tEnv.executeSql("DROP TEMPORARY SYSTEM FUNCTION sys_twice");
    tEnv.executeSql("DROP TEMPORARY FUNCTION tmp_dashed");
    tEnv.executeSql("DROP FUNCTION cat_describe");
    tEnv.executeSql("DROP FUNCTION IF EXISTS cat_describe");
    assertThat(tEnv.listUserDefinedFunctions()).isEmpty();
    assertThatThrownBy(() -> tEnv.executeSql("DROP FUNCTION cat_describ"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT sys_twice(n) FROM " + NAMES))
        .isInstanceOf(ValidationException.class).hasMessageContaining("sys_twice");
  }

  @Test
  void aClassThatIsMissingOrNoFunctionIsRefusedNamingIt() {
    assertThatThrownBy(() -> tEnv.executeSql("CREATE FUNCTION f AS 'com.example.Missing'"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("com.example.Missing is not on the class path");
    assertThatThrownBy(() -> tEnv.executeSql("CREATE FUNCTION f AS 'java.lang.String'"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("is not a user-defined function");
  }

  @Test
  void anAggregateFunctionAggregatesGroupsAndTakesRowsBackOverAChangelog() {
    tEnv.createTemporarySystemFunction("wavg", WeightedAvg.class);
    String input = "(VALUES ('x', 10, 1), ('x', 40, 2), ('y', 7, 3)) AS t(k, v, w)";
    assertThat(TableResults.folded(tEnv.executeSql("SELECT k, wavg(CAST(v AS BIGINT), w) FROM " + input
        + " GROUP BY k"))).isEqualTo(Map.of(Row.of("x", 30L), 1, Row.of("y", 7L), 1));
    // Over a changelog: the inner GROUP BY updates x's row, so the outer one retracts it.
    assertThat(TableResults.folded(tEnv.executeSql("SELECT wavg(total, 1) FROM (SELECT k, SUM(CAST(v AS BIGINT))"
        + " AS total FROM " + input + " GROUP BY k)"))).isEqualTo(Map.of(Row.of(28L), 1));
  }

  @Test
  void anAggregateWithoutRetractIsRefusedOverAChangelog() {
    tEnv.createTemporarySystemFunction("ins_count", InsertOnlyCount.class);
    assertThat(TableResults.folded(tEnv.executeSql("SELECT ins_count(s) FROM " + NAMES)))
        .isEqualTo(Map.of(Row.of(2L), 1));
    assertThatThrownBy(() -> tEnv.executeSql("SELECT ins_count(s) FROM (SELECT s, COUNT(*) AS c FROM " + NAMES
        + " GROUP BY s)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("needs a public retract method");
  }

  @Test
  void aTableFunctionJoinsEachRowWithTheRowsItGives() {
    tEnv.createTemporarySystemFunction("split", Split.class);
    tEnv.createTemporarySystemFunction("word_lengths", WordLengths.class);
    String lines = "(VALUES (1, 'to be'), (2, 'or'), (3, CAST(NULL AS STRING))) AS t(id, line)";
    assertThat(rows("SELECT id, word FROM " + lines + ", LATERAL TABLE(split(line)) AS x(word)")).containsExactly(
        Row.of(1, "to"), Row.of(1, "be"), Row.of(2, "or"));
    assertThat(rows("SELECT id, f0 FROM " + lines + " LEFT JOIN LATERAL TABLE(split(line)) ON TRUE"))
        .containsExactly(Row.of(1, "to"), Row.of(1, "be"), Row.of(2, "or"), Row.of(3, null));
    assertThat(rows("SELECT id, word, len FROM " + lines + ", LATERAL TABLE(word_lengths(line)) WHERE id < 3"))
        .containsExactly(Row.of(1, "to", 2), Row.of(1, "be", 2), Row.of(2, "or", 2));
    // A WHERE on the function's columns, which the optimizer moves onto the function's rows.
    assertThat(rows("SELECT id, word FROM " + lines + ", LATERAL TABLE(split(line)) AS x(word) WHERE word <> 'be'"))
        .containsExactly(Row.of(1, "to"), Row.of(2, "or"));
    // Above a LEFT JOIN the WHERE also sees the row padded with NULL for the line with no words.
    String leftJoin = "SELECT id, word FROM " + lines + " LEFT JOIN LATERAL TABLE(split(line)) AS x(word) ON TRUE WHERE ";
    assertThat(rows(leftJoin + "word IS NULL")).containsExactly(Row.of(3, null));
    assertThat(rows(leftJoin + "word <> 'be'")).containsExactly(Row.of(1, "to"), Row.of(2, "or"));
    assertThat(rows(leftJoin + "word = 'be' OR word IS NULL")).containsExactly(Row.of(1, "be"), Row.of(3, null));
  }

  @Test
  void anAggregateWithMergeRunsInSlidingWindowsAndOneWithoutIsRefused() {
    tEnv.createTemporarySystemFunction("wavg", WeightedAvg.class);
    tEnv.createTemporarySystemFunction("ins_count", InsertOnlyCount.class);
    tEnv.executeSql("CREATE TABLE ticks (id INT, ts AS TIMESTAMP '2026-01-01 10:00:00' + id * INTERVAL '20' SECOND,"
        + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '4',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4')");
    // ids 1..4 at 10:00:20, :40, 10:01:00, :20; one-minute windows every 30 s.
    // The window from 10:00:30 merges two slices (id 2; ids 3 and 4): 30, not 20 or 35, shows both counted.
    assertThat(rows("SELECT window_start, wavg(CAST(id * 10 AS BIGINT), 1) FROM TABLE(HOP(TABLE ticks,"
        + " DESCRIPTOR(ts), INTERVAL '30' SECOND, INTERVAL '1' MINUTE)) GROUP BY window_start, window_end"))
        .containsExactlyInAnyOrder(Row.of(java.time.LocalDateTime.of(2026, 1, 1, 9, 59, 30), 10L),
            Row.of(java.time.LocalDateTime.of(2026, 1, 1, 10, 0), 15L),
            Row.of(java.time.LocalDateTime.of(2026, 1, 1, 10, 0, 30), 30L),
            Row.of(java.time.LocalDateTime.of(2026, 1, 1, 10, 1), 35L));
    assertThatThrownBy(() -> tEnv.executeSql("SELECT window_start, ins_count(CAST(id AS STRING)) FROM TABLE("
        + "HOP(TABLE ticks, DESCRIPTOR(ts), INTERVAL '30' SECOND, INTERVAL '1' MINUTE))"
        + " GROUP BY window_start, window_end"))
        .hasMessageContaining("merge(ACC accumulator, Iterable<ACC> others)");
  }
}
