package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.TableException;
import io.spate.table.runtime.generated.GeneratedCalc;
import io.spate.table.runtime.generated.GeneratedCalcCode;
import io.spate.table.runtime.generated.GeneratedClasses;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * The generated calc of SQL expressions over a row {@code (i INT, b BIGINT, d DOUBLE, m DECIMAL(10, 2),
 * s STRING, p BOOLEAN, q BOOLEAN, t TIMESTAMP(3), r ROW<a INT, s STRING>)}: its values, and that they
 * equal the interpreter's on the same rows.
 */
class CalcCodeGeneratorTest {

  private final CalcHarness harness = new CalcHarness();
  private final RelDataType rowType = rowType(harness.planner.typeFactory());

  private static RelDataType rowType(RelDataTypeFactory types) {
    RelDataType nested = types.createTypeWithNullability(types.builder()
        .add("a", nullable(types, types.createSqlType(SqlTypeName.INTEGER)))
        .add("s", nullable(types, types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE)))
        .build(), true);
    return types.builder()
        .add("i", nullable(types, types.createSqlType(SqlTypeName.INTEGER)))
        .add("b", nullable(types, types.createSqlType(SqlTypeName.BIGINT)))
        .add("d", nullable(types, types.createSqlType(SqlTypeName.DOUBLE)))
        .add("m", nullable(types, types.createSqlType(SqlTypeName.DECIMAL, 10, 2)))
        .add("s", nullable(types, types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE)))
        .add("p", nullable(types, types.createSqlType(SqlTypeName.BOOLEAN)))
        .add("q", nullable(types, types.createSqlType(SqlTypeName.BOOLEAN)))
        .add("t", nullable(types, types.createSqlType(SqlTypeName.TIMESTAMP, 3)))
        .add("r", nested)
        .build();
  }

  private static RelDataType nullable(RelDataTypeFactory types, RelDataType type) {
    return types.createTypeWithNullability(type, true);
  }

  private static Row row(Integer i, Long b, Double d, String m, String s, Boolean p, Boolean q) {
    return Row.of(i, b, d, m == null ? null : new BigDecimal(m), s, p, q, LocalDateTime.of(2026, 11, 27, 9, 30, 1,
        123_000_000), Row.of(i, s));
  }

  private static final Row SAMPLE = row(7, 40L, 2.5, "12.34", "Spate", true, null);

  private List<RexNode> rex(String... expressions) {
    List<RexNode> nodes = new ArrayList<>();
    for (String expression : expressions) {
      nodes.add(harness.rex(expression, rowType));
    }
    return nodes;
  }

  /** The generated calc's output for {@code input}, checked against the interpreter's. */
  private CalcOutcome run(String condition, Row input, String... projections) {
    RexNode conditionNode = condition == null ? null : harness.rex(condition, rowType);
    List<RexNode> projectionNodes = projections.length == 0 ? null : rex(projections);
    CalcOutcome generated = CalcOutcome.ofGenerated(harness.generated(conditionNode, projectionNodes), input);
    CalcOutcome interpreted = CalcOutcome.of(harness.interpreted(conditionNode, projectionNodes), input);
    assertThat(generated.sameAs(interpreted)).as("generated %s, interpreted %s", generated, interpreted).isTrue();
    return generated;
  }

  private Object[] values(Row input, String... projections) {
    CalcOutcome outcome = run(null, input, projections);
    assertThat(outcome.error()).as("error").isNull();
    Object[] values = new Object[outcome.row().getArity()];
    for (int i = 0; i < values.length; i++) {
      values[i] = outcome.row().getField(i);
    }
    return values;
  }

  @Test
  void projectsArithmeticWithTheClassesOfTheResultTypes() {
    assertThat(values(SAMPLE, "i + 1", "b * i", "d / 2", "i - b", "-i", "i % 4", "CAST(i AS DOUBLE)"))
        .containsExactly(8, 280L, 1.25, -33L, -7, 3, 7.0);
  }

  @Test
  void integerArithmeticWrapsAroundAsJavaDoes() {
    Row input = row(Integer.MAX_VALUE, Long.MAX_VALUE, 0.0, "0", "", true, true);
    assertThat(values(input, "i + 1", "b + 1", "i * 2")).containsExactly(Integer.MIN_VALUE, Long.MIN_VALUE, -2);
  }

  @Test
  void divisionOfIntegersByZeroFailsAsTheInterpreterDoes() {
    Row input = row(0, 5L, 0.0, "0.00", "x", true, true);
    assertThat(run(null, input, "b / i").error()).isInstanceOf(TableException.class)
        .hasMessage("Division by zero: 5 / 0");
    assertThat(run(null, input, "MOD(b, i)").error()).isInstanceOf(TableException.class)
        .hasMessage("Division by zero: MOD(5, 0)");
    assertThat(values(input, "d / d", "b / d")).containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
  }

  @Test
  void decimalArithmeticKeepsTheScaleOfItsType() {
    Object[] values = values(SAMPLE, "m * 2", "m + 0.005", "m / 3", "m * b", "0.908 * b");
    assertThat(values[0]).isEqualTo(new BigDecimal("24.68"));
    assertThat(values[1]).isEqualTo(new BigDecimal("12.345"));
    assertThat(((BigDecimal) values[2]).compareTo(new BigDecimal("4.113333"))).isGreaterThanOrEqualTo(0);
    assertThat(values[3]).isEqualTo(new BigDecimal("493.60"));
    assertThat(values[4]).isEqualTo(new BigDecimal("36.320"));
    assertThat(run(null, row(1, 1L, 1.0, "1.00", "", true, true), "m / 0").error())
        .isInstanceOf(TableException.class).hasMessageContaining("Division by zero");
  }

  @Test
  void andOrAndNotFollowThreeValuedLogic() {
    Boolean[] truth = {true, false, null};
    for (Boolean p : truth) {
      for (Boolean q : truth) {
        Object[] values = values(row(1, 1L, 1.0, "1.00", "x", p, q), "p AND q", "p OR q", "NOT p");
        assertThat(values[0]).as("%s AND %s", p, q).isEqualTo(p == Boolean.FALSE || q == Boolean.FALSE ? Boolean.FALSE
            : p == null || q == null ? null : Boolean.TRUE);
        assertThat(values[1]).as("%s OR %s", p, q).isEqualTo(p == Boolean.TRUE || q == Boolean.TRUE ? Boolean.TRUE
            : p == null || q == null ? null : Boolean.FALSE);
        assertThat(values[2]).as("NOT %s", p).isEqualTo(p == null ? null : Boolean.valueOf(!p));
      }
    }
  }

  @Test
  void laterOperandsOfAndAndOrAreNotEvaluatedOnceTheResultIsKnown() {
    Row zero = row(0, 10L, 0.0, "0.00", "x", true, true);
    assertThat(values(zero, "i = 0 OR b / i > 1", "i <> 0 AND b / i > 1", "CASE WHEN i = 0 THEN -1 ELSE b / i END"))
        .containsExactly(true, false, -1L);
  }

  @Test
  void aConditionPassesOnlyTrueRowsKeepingTheirKind() {
    Row input = row(3, 1L, 1.0, "1.00", "x", null, false);
    input.setKind(RowKind.UPDATE_AFTER);
    assertThat(run("i > 2", input, "s", "i").row()).isEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, "x", 3));
    assertThat(run("p", input, "s").dropped()).isTrue();
    assertThat(run("q IS NOT TRUE", input).row()).isSameAs(input);
    assertThat(run("i IN (1, 2, 3)", input, "i").row()).isEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, 3));
    assertThat(run("i BETWEEN 4 AND 8", input, "i").dropped()).isTrue();
  }

  @Test
  void caseConvertsItsBranchesToItsType() {
    Object[] values = values(SAMPLE, "CASE WHEN p THEN i ELSE b END", "CASE WHEN i > 100 THEN 1 END",
        "CASE WHEN q THEN 'yes' WHEN p THEN 'maybe' ELSE 'no' END", "CASE WHEN p THEN m ELSE 1 END",
        "CASE i WHEN 7 THEN d WHEN 8 THEN 0 ELSE NULL END");
    assertThat(values).containsExactly(7L, null, "maybe", new BigDecimal("12.34"), 2.5);
  }

  @Test
  void nestedRowFieldsAreReadOnceAndNullForANullRow() {
    assertThat(values(SAMPLE, "r.a + 1", "r.s", "UPPER(r.s)")).containsExactly(8, "Spate", "SPATE");
    Row input = row(1, 1L, 1.0, "1.00", "x", true, true);
    input.setField(8, null);
    assertThat(values(input, "r.a", "r.s IS NULL")).containsExactly(null, true);
    String source = harness.code(null, rex("r.a", "r.s", "r.a * 2")).source();
    assertThat(occurrences(source, "in.getField(8)")).isEqualTo(1);
    assertThat(occurrences(source, "(Row)")).isEqualTo(1);
  }

  @Test
  void commonSubexpressionsAreComputedOnce() {
    String source = harness.code(harness.rex("i * 2 > 3", rowType), rex("i * 2", "i * 2 + 1")).source();
    assertThat(occurrences(source, "in.getField(0)")).isEqualTo(1);
    assertThat(occurrences(source, " * ")).isEqualTo(1);
  }

  @Test
  void aCallTheGeneratorDoesNotHandleIsEvaluatedByTheInterpreter() {
    GeneratedCalcCode code = harness.code(null, rex("INITCAP(s)"));
    assertThat(code.source()).contains("ref0.eval(in)");
    assertThat(values(SAMPLE, "INITCAP(LOWER(s)) || '!'", "CHAR_LENGTH(SUBSTRING(s, 2)) + i",
        "t + INTERVAL '1' SECOND")).containsExactly("Spate!", 11, LocalDateTime.of(2026, 11, 27, 9, 30, 2, 123_000_000));
  }

  @Test
  void stringFunctionsWithTypedCodeGiveTheInterpretersValues() {
    assertThat(values(SAMPLE, "UPPER(s)", "LOWER(s)", "CHAR_LENGTH(s) + i", "s LIKE 'S%'", "s NOT LIKE '%a_e'",
        "s || '-' || r.s", "s LIKE CAST(NULL AS STRING)")).containsExactly("SPATE", "spate", 12, true, false,
        "Spate-Spate", null);
    Row input = row(1, 1L, 1.0, "1.00", null, true, true);
    assertThat(values(input, "UPPER(s)", "CHAR_LENGTH(s)", "s LIKE 'S%'", "'a' || s")).containsExactly(null, null,
        null, null);
  }

  @Test
  void castsBetweenNumbersAndFromStringsAsTheInterpreterDoes() {
    assertThat(values(row(1, 300L, -2.75, "9.99", " 42 ", true, true), "CAST(s AS INT)", "CAST(b AS TINYINT)",
        "CAST(d AS INT)", "CAST(m AS BIGINT)", "CAST(i AS STRING)", "CAST(d AS DECIMAL(5, 1))"))
        .containsExactly(42, (byte) 44, -2, 9L, "1", new BigDecimal("-2.8"));
    CalcOutcome bad = run(null, row(1, 1L, 1.0, "1.00", "abc", true, true), "CAST(s AS INT)");
    assertThat(bad.error()).isInstanceOf(TableException.class).hasMessageContaining("Cannot cast 'abc' to INT");
  }

  @Test
  void comparisonsFollowTheInterpretersNumberOrder() {
    Row input = row(1, 1L, -0.0, "1.00", "b", true, false);
    assertThat(values(input, "d = 0.0", "d < 0.0", "i = m", "b = d", "s > 'a'", "p > q", "t > TIMESTAMP '2026-01-01"
        + " 00:00:00'", "i IS DISTINCT FROM CAST(NULL AS INT)", "i IS NOT DISTINCT FROM 1"))
        .containsExactly(false, true, true, false, true, true, true, true, true);
  }

  @Test
  void aSourceThatDoesNotCompileFailsWithTheNumberedSource() {
    assertThatThrownBy(() -> GeneratedClasses.compile(getClass().getClassLoader(), "Broken",
        "public final class Broken {\n  int x = ;\n}\n"))
        .isInstanceOf(TableException.class)
        .hasMessageContaining("generated code that does not compile")
        .hasMessageContaining("table.exec.spate.codegen.enabled")
        .hasMessageContaining("1  public final class Broken {")
        .hasMessageContaining("2    int x = ;");
  }

  @Test
  void theSameSourceIsCompiledOncePerClassLoader() {
    GeneratedCalcCode code = harness.code(null, rex("i + 12345"));
    GeneratedCalc first = code.newInstance(getClass().getClassLoader());
    GeneratedCalc second = code.newInstance(getClass().getClassLoader());
    assertThat(first).isNotSameAs(second);
    assertThat(first.getClass()).isSameAs(second.getClass());
    assertThat(first.process(SAMPLE)).isEqualTo(Row.of(12352));
  }

  private static int occurrences(String text, String part) {
    return (text.length() - text.replace(part, "").length()) / part.length();
  }

  @Test
  void theGeneratedSourceNamesItsClassAndImplementsGeneratedCalc() {
    GeneratedCalcCode code = harness.code(harness.rex("p", rowType), null);
    assertThat(code.source()).contains("public final class " + code.className() + " implements "
        + GeneratedCalc.class.getName());
    assertThat(Arrays.asList(code.source().split("\n"))).contains("    return in;");
  }
}
