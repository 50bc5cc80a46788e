package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.runtime.generated.GeneratedCalc;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * {@code EXTRACT} of the year, month, day, hour, minute and second of a {@code TIMESTAMP} in generated code
 * (the time's own fields, without the interpreter) gives what the interpreter gives, NULL for NULL, on
 * random times of the years 1 to 9999; other units stay with the interpreter and agree too.
 */
class GeneratedExtractPropertyTest {

  private final CalcHarness harness = new CalcHarness();
  private final RelDataType rowType;

  GeneratedExtractPropertyTest() {
    rowType = harness.nullableRow("ts", harness.planner.typeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3),
        "k", SqlTypeName.INTEGER);
  }

  @Test
  void generatedFieldsOfATimestampAreTheInterpretersExtract() {
    List<RexNode> typed = List.of(harness.rex("YEAR(ts)", rowType), harness.rex("MONTH(ts)", rowType),
        harness.rex("DAYOFMONTH(ts)", rowType), harness.rex("HOUR(ts)", rowType), harness.rex("MINUTE(ts)", rowType),
        harness.rex("SECOND(ts)", rowType), harness.rex("EXTRACT(HOUR FROM ts) * 60 + k", rowType));
    RexNode condition = harness.rex("HOUR(ts) >= 8 AND HOUR(ts) <= 18 OR k > 2", rowType);
    String source = harness.code(condition, typed).source();
    assertThat(source).contains("getHour()").contains("getYear()").doesNotContain(".eval(in)");
    assertSameAsInterpreted(condition, typed);
    List<RexNode> interpreted = List.of(harness.rex("EXTRACT(QUARTER FROM ts)", rowType),
        harness.rex("EXTRACT(MILLISECOND FROM ts)", rowType), harness.rex("HOUR(ts)", rowType));
    assertThat(harness.code(null, interpreted).source()).contains(".eval(in)").contains("getHour()");
    assertSameAsInterpreted(null, interpreted);
  }

  private void assertSameAsInterpreted(RexNode condition, List<RexNode> projections) {
    Function<Row, Row> interpreted = harness.interpreted(condition, projections);
    GeneratedCalc generated = harness.generated(condition, projections);
    qt().withFixedSeed(20261128L).withExamples(1000).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Row input = row(new Random(seed));
      CalcOutcome expected = CalcOutcome.of(interpreted, input);
      CalcOutcome actual = CalcOutcome.ofGenerated(generated, input);
      assertThat(actual.sameAs(expected)).as("on %s: generated %s, interpreted %s", input, actual, expected).isTrue();
    });
  }

  private static Row row(Random random) {
    LocalDateTime time = LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
        random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1_000_000);
    return Row.of(random.nextInt(6) == 0 ? null : time, random.nextInt(6) == 0 ? null : random.nextInt(6));
  }
}
