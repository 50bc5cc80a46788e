package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.runtime.expr.FlinkStringTimeFunctions;
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
 * {@code SPLIT_INDEX} in generated code (typed, without the interpreter) gives what the interpreter
 * gives on random texts, separators of one and more characters (empty ones too), and indexes that are
 * negative, past the last piece, NULL or beyond an {@code INT}; and a one-character separator finds the
 * pieces a search for it as a string finds.
 */
class GeneratedSplitIndexPropertyTest {

  private final CalcHarness harness = new CalcHarness();
  private final RelDataType rowType;

  GeneratedSplitIndexPropertyTest() {
    rowType = harness.nullableRow("s", SqlTypeName.VARCHAR, "sep", SqlTypeName.VARCHAR, "k", SqlTypeName.INTEGER,
        "n", SqlTypeName.BIGINT);
  }

  @Test
  void generatedSplitIndexGivesWhatTheInterpreterGives() {
    List<RexNode> projections = List.of(harness.rex("SPLIT_INDEX(s, '/', 3)", rowType),
        harness.rex("SPLIT_INDEX(s, sep, k)", rowType), harness.rex("SPLIT_INDEX(s, 'ab', n)", rowType),
        harness.rex("SPLIT_INDEX(UPPER(s), sep, 0)", rowType), harness.rex("SPLIT_INDEX(s, '', 1)", rowType));
    RexNode condition = harness.rex("SPLIT_INDEX(s, '/', 1) IS NOT NULL OR k > 0", rowType);
    String source = harness.code(condition, projections).source();
    assertThat(source).contains("FlinkStringTimeFunctions.splitIndex(").doesNotContain(".eval(in)");
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
  void aOneCharacterSeparatorSplitsAsTheSameSeparatorSearchedAsAString() {
    qt().withFixedSeed(20261128L).withExamples(2000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      String text = text(random);
      String separator = PIECES[random.nextInt(3)];
      int index = random.nextInt(8) - 1;
      assertThat(FlinkStringTimeFunctions.splitIndex(text, separator, index))
          .as("SPLIT_INDEX('%s', '%s', %d)", text, separator, index)
          .isEqualTo(splitByString(text, separator, index));
    });
  }

  /** The piece a plain search for {@code separator} as a string finds. */
  private static String splitByString(String text, String separator, int index) {
    if (index < 0) {
      return null;
    }
    int start = 0;
    for (int i = 0; i < index; i++) {
      int next = text.indexOf(separator, start);
      if (next < 0) {
        return null;
      }
      start = next + separator.length();
    }
    int end = text.indexOf(separator, start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  private static final String[] PIECES = {"/", "a", "\uD83D", "ab", "b", "", "\uD83D\uDE00", "x/y"};

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(10); i > 0; i--) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  private static Row row(Random random) {
    long[] indexes = {0, 1, 2, 3, -1, 7, Integer.MAX_VALUE + 3L, Long.MIN_VALUE};
    return Row.of(
        random.nextInt(6) == 0 ? null : text(random),
        random.nextInt(6) == 0 ? null : PIECES[random.nextInt(PIECES.length)],
        random.nextInt(6) == 0 ? null : random.nextInt(6) - 1,
        random.nextInt(6) == 0 ? null : indexes[random.nextInt(indexes.length)]);
  }
}
