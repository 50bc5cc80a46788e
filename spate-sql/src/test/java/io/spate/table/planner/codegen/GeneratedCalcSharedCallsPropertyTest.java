package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.runtime.generated.GeneratedCalc;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * A call that a calc's condition and projections make more than once, also in different branches (the
 * WHERE's OR and a CASE branch, a CASE branch and a COALESCE operand), is computed at most once per row
 * by the generated class, and an OR or AND whose operands cannot fail evaluates its cheap operands
 * first; the generated calc still gives what the interpreter gives on every row, NULLs, values and
 * failures included (a division by zero fails the row only where the interpreter evaluates it).
 */
class GeneratedCalcSharedCallsPropertyTest {

  private final CalcHarness harness = new CalcHarness();
  private final RelDataType rowType;

  GeneratedCalcSharedCallsPropertyTest() {
    rowType = harness.nullableRow("channel", SqlTypeName.VARCHAR, "url", SqlTypeName.VARCHAR, "n", SqlTypeName.BIGINT);
  }

  @Test
  void sharedCallsAndCheapFirstOperandsGiveWhatTheInterpreterGives() {
    String extract = "REGEXP_EXTRACT(url, '(&|^)id=([^&]*)', 2)";
    RexNode condition = harness.rex(extract + " IS NOT NULL OR LOWER(channel) IN ('apple', 'google')"
        + " OR n > 3", rowType);
    List<RexNode> projections = List.of(
        harness.rex("CASE WHEN LOWER(channel) = 'apple' THEN '0' WHEN LOWER(channel) = 'google' THEN '1'"
            + " ELSE " + extract + " END", rowType),
        harness.rex("CASE WHEN n > 0 THEN 60 / n ELSE -1 END", rowType),
        harness.rex("COALESCE(channel, CAST(60 / n AS VARCHAR))", rowType),
        harness.rex("CASE WHEN n IS NULL THEN NULL ELSE n * 2 + 1 END + (n * 2 + 1)", rowType),
        harness.rex("UPPER(channel) = 'APPLE' AND n * 2 + 1 > 5", rowType));
    String source = harness.code(condition, projections).source();
    // The regular expression: one interpreted expression, computed at the first of its uses that runs.
    assertThat(source.split("private final Expr ", -1)).hasSize(2);
    assertThat(source).contains("memo");
    Function<Row, Row> interpreted = harness.interpreted(condition, projections);
    GeneratedCalc generated = harness.generated(condition, projections);
    qt().withFixedSeed(20261128L).withExamples(1000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Row input = row(new Random(seed));
      CalcOutcome expected = CalcOutcome.of(interpreted, input);
      CalcOutcome actual = CalcOutcome.ofGenerated(generated, input);
      assertThat(actual.sameAs(expected)).as("on %s: generated %s, interpreted %s", input, actual, expected).isTrue();
    });
  }

  @Test
  void anOperandThatCanFailKeepsItsPlace() {
    // 60 / n fails for n = 0; written second, it must not be evaluated when n IS NULL is TRUE.
    RexNode condition = harness.rex("n IS NULL OR 60 / n > 1 OR LOWER(channel) = 'apple'", rowType);
    Function<Row, Row> interpreted = harness.interpreted(condition, null);
    GeneratedCalc generated = harness.generated(condition, null);
    for (Long n : new Long[] {null, 0L, 1L, 100L}) {
      Row input = Row.of("Apple", "id=1", n);
      CalcOutcome expected = CalcOutcome.of(interpreted, input);
      assertThat(CalcOutcome.ofGenerated(generated, input).sameAs(expected)).as("on %s: %s", input, expected)
          .isTrue();
    }
    assertThat(CheapFirst.ordered(((org.apache.calcite.rex.RexCall) condition).getOperands()))
        .isEqualTo(((org.apache.calcite.rex.RexCall) condition).getOperands());
  }

  @Test
  void cheapOperandsThatCannotFailComeFirst() {
    RexNode condition = harness.rex("REGEXP_EXTRACT(url, 'a(b)', 1) IS NOT NULL OR LOWER(channel) = 'apple'",
        rowType);
    List<RexNode> operands = ((org.apache.calcite.rex.RexCall) condition).getOperands();
    assertThat(CheapFirst.ordered(operands)).containsExactly(operands.get(1), operands.get(0));
    // IN of strings compares the text cast to the literals' CHAR type: the cast of a string cannot fail.
    RexNode in = org.apache.calcite.rex.RexUtil.expandSearch(harness.planner.rexBuilder(), null, harness.rex(
        "REGEXP_EXTRACT(url, 'a(b)', 1) IS NOT NULL OR LOWER(channel) IN ('apple', 'google', 'facebook')", rowType));
    List<RexNode> inOperands = ((org.apache.calcite.rex.RexCall) in).getOperands();
    assertThat(CheapFirst.ordered(inOperands).get(inOperands.size() - 1)).isEqualTo(inOperands.get(0));
  }

  private static Row row(Random random) {
    String[] channels = {"Apple", "apple", "GOOGLE", "Baidu", "channel-7", ""};
    String[] urls = {"https://x/y?id=5&z=1", "id=", "a=1&id=abc", "no-id", "", "&id=x&id=y"};
    long[] numbers = {0, 1, -1, 2, 3, 4, 60, Long.MAX_VALUE, Long.MIN_VALUE};
    return Row.of(
        random.nextInt(5) == 0 ? null : channels[random.nextInt(channels.length)],
        random.nextInt(5) == 0 ? null : urls[random.nextInt(urls.length)],
        random.nextInt(5) == 0 ? null : numbers[random.nextInt(numbers.length)]);
  }
}
