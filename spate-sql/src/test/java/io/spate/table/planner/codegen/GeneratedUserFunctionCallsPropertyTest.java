package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.functions.ScalarFunction;
import io.spate.table.runtime.generated.GeneratedCalc;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * Generated code calls a user's scalar function directly where its {@code eval} method takes the
 * arguments as they are, and gives what the interpreter's reflective call gives on every row: the same
 * values of the same classes, NULL without a call when a primitive parameter would get NULL, and the
 * same exception when the function throws. A number passed to a parameter of another numeric type is
 * cast, as the reflective call converts it; a function whose parameter needs another conversion (a
 * {@code DECIMAL} to a {@code double}) stays with the interpreter. (The functions are public classes nested in a public class: generated code names
 * them.)
 */
public class GeneratedUserFunctionCallsPropertyTest {

  /** The length of {@code s} times {@code n}; fails for {@code n} = 13. */
  public static class Times extends ScalarFunction {
    public long eval(String s, long n) {
      if (n == 13) {
        throw new IllegalArgumentException("unlucky " + s);
      }
      return s == null ? -n : s.length() * n;
    }
  }

  /** {@code n} and {@code s} as text, for boxed and NULL arguments. */
  public static class Label extends ScalarFunction {
    public String eval(Long n, String s) {
      return n + ":" + s;
    }
  }

  /** {@code d} divided by {@code i}, boxed. */
  public static class Ratio extends ScalarFunction {
    public Double eval(double d, int i) {
      return d / i;
    }
  }

  /** Whether {@code b} is not FALSE. */
  public static class NotFalse extends ScalarFunction {
    public boolean eval(Boolean b) {
      return b == null || b;
    }
  }

  /** {@code n} plus one, for a BIGINT; given an INT, the generated call casts it. */
  public static class Next extends ScalarFunction {
    public long eval(long n) {
      return n + 1;
    }
  }

  /**
   * Its arguments as text, each taken in another numeric type than the SQL one: the declared SQL types
   * make a {@code BIGINT} go to an {@code int} and a {@code DOUBLE} to a {@code float} and a {@code long},
   * which narrows them.
   */
  public static class Narrowed extends ScalarFunction {
    public String eval(@DataTypeHint("BIGINT") int n, @DataTypeHint("DOUBLE") Float d, @DataTypeHint("DOUBLE") long e,
        Double i) {
      return n + "/" + d + "/" + e + "/" + i;
    }
  }

  /** Half of {@code x}; given a DECIMAL, the interpreter converts it. */
  public static class Half extends ScalarFunction {
    public double eval(double x) {
      return x / 2;
    }
  }

  private final CalcHarness harness = new CalcHarness();
  private final RelDataType rowType;

  GeneratedUserFunctionCallsPropertyTest() {
    harness.functions.createTemporarySystemFunction("times", new Times(), false);
    harness.functions.createTemporarySystemFunction("label", new Label(), false);
    harness.functions.createTemporarySystemFunction("ratio", new Ratio(), false);
    harness.functions.createTemporarySystemFunction("not_false", new NotFalse(), false);
    harness.functions.createTemporarySystemFunction("plus_one", new Next(), false);
    harness.functions.createTemporarySystemFunction("narrowed", new Narrowed(), false);
    harness.functions.createTemporarySystemFunction("half", new Half(), false);
    RelDataTypeFactory types = harness.planner.typeFactory();
    rowType = types.builder()
        .add("s", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true))
        .add("n", types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true))
        .add("d", types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), true))
        .add("i", types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true))
        .add("b", types.createTypeWithNullability(types.createSqlType(SqlTypeName.BOOLEAN), true))
        .build();
  }

  @Test
  void directCallsGiveWhatTheInterpretersReflectiveCallsGive() {
    RexNode condition = harness.rex("not_false(b)", rowType);
    List<RexNode> projections = List.of(harness.rex("times(s, n)", rowType), harness.rex("label(n, s)", rowType),
        harness.rex("ratio(d, i)", rowType), harness.rex("times(s, n) + 1", rowType));
    String source = harness.code(condition, projections).source();
    assertThat(source).contains(".get()).eval(").doesNotContain(".eval(in)");
    Function<Row, Row> interpreted = harness.interpreted(condition, projections);
    GeneratedCalc generated = harness.generated(condition, projections);
    qt().withFixedSeed(20261128L).withExamples(500).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Row input = row(new Random(seed));
      CalcOutcome expected = CalcOutcome.of(interpreted, input);
      CalcOutcome actual = CalcOutcome.ofGenerated(generated, input);
      assertThat(actual.sameAs(expected)).as("on %s: generated %s, interpreted %s", input, actual, expected).isTrue();
    });
  }

  @Test
  void aNumberOfAnotherTypeIsCastAsTheReflectiveCallConvertsIt() {
    List<RexNode> projections = List.of(harness.rex("plus_one(i)", rowType), harness.rex("plus_one(n)", rowType),
        harness.rex("narrowed(n, d, d, i)", rowType));
    String source = harness.code(null, projections).source();
    assertThat(source).contains(".get()).eval(").doesNotContain(".eval(in)");
    assertSameAsInterpreted(projections);
  }

  @Test
  void aDecimalForADoubleParameterLeavesTheCallToTheInterpreter() {
    List<RexNode> projections = List.of(harness.rex("half(CAST(d AS DECIMAL(10, 2)))", rowType),
        harness.rex("half(d)", rowType));
    String source = harness.code(null, projections).source();
    assertThat(source).contains(".eval(in)").contains(".get()).eval(");
    assertSameAsInterpreted(projections);
  }

  private void assertSameAsInterpreted(List<RexNode> projections) {
    Function<Row, Row> interpreted = harness.interpreted(null, projections);
    GeneratedCalc generated = harness.generated(null, projections);
    qt().withFixedSeed(20261128L).withExamples(500).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Row input = row(new Random(seed));
      CalcOutcome expected = CalcOutcome.of(interpreted, input);
      CalcOutcome actual = CalcOutcome.ofGenerated(generated, input);
      assertThat(actual.sameAs(expected)).as("on %s: generated %s, interpreted %s", input, actual, expected).isTrue();
    });
  }

  private static Row row(Random random) {
    String[] texts = {"", "a", "ccc", "x y z"};
    long[] numbers = {0, 1, -1, 13, Long.MAX_VALUE, Long.MIN_VALUE, 42};
    return Row.of(
        random.nextInt(5) == 0 ? null : texts[random.nextInt(texts.length)],
        random.nextInt(5) == 0 ? null : numbers[random.nextInt(numbers.length)],
        random.nextInt(5) == 0 ? null : random.nextBoolean() ? random.nextDouble() * 100 - 50
            : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(25)),
        random.nextInt(5) == 0 ? null : random.nextBoolean() ? random.nextInt(7) - 3 : random.nextInt(),
        random.nextInt(4) == 0 ? null : random.nextBoolean());
  }
}
