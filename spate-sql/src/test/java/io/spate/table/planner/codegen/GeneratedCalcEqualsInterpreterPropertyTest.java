package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.generated.GeneratedCalc;
import io.spate.table.runtime.generated.GeneratedKeySelector;
import io.spate.table.runtime.operators.join.ExprKeyProjection;
import io.spate.table.runtime.operators.join.JoinCondition;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The law of the code generator: on every row, a generated calc gives what the interpreter gives (the
 * same values of the same classes, or the same exception class and message). Each case is a random
 * row type (INT, BIGINT, DOUBLE, DECIMAL, VARCHAR, BOOLEAN, TIMESTAMP(3) and nested ROW fields, all
 * nullable), a random condition and random projections built with Calcite's {@link RexBuilder}, run on
 * random rows with NULLs, zeros, extremes and numeric strings.
 */
class GeneratedCalcEqualsInterpreterPropertyTest {

  private static final int ROWS_PER_CASE = 20;

  private final CalcHarness harness = new CalcHarness();
  private final RexBuilder rex = harness.planner.rexBuilder();
  private final RelDataTypeFactory types = harness.planner.typeFactory();

  @Test
  void generatedCalcsEvaluateAsTheInterpreterOnRandomExpressionsAndRows() {
    qt().withFixedSeed(20261127L).withExamples(200).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(this::checkCase);
  }

  private void checkCase(long seed) {
    Random random = new Random(seed);
    Case testCase = new Case(random);
    RexNode condition = random.nextInt(3) == 0 ? null : testCase.bool(3);
    List<RexNode> projections = null;
    if (condition == null || random.nextInt(4) != 0) {
      projections = new ArrayList<>();
      int count = 1 + random.nextInt(6);
      for (int i = 0; i < count; i++) {
        projections.add(testCase.any(3));
      }
    }
    Function<Row, Row> interpreted = harness.interpreted(condition, projections);
    GeneratedCalc generated = harness.generated(condition, projections);
    for (int i = 0; i < ROWS_PER_CASE; i++) {
      Row input = testCase.row();
      CalcOutcome expected = CalcOutcome.of(interpreted, input);
      CalcOutcome actual = CalcOutcome.ofGenerated(generated, input);
      assertThat(actual.sameAs(expected))
          .as("seed %s: condition %s, projections %s on %s: generated %s, interpreted %s", seed, condition,
              projections, input, actual, expected)
          .isTrue();
    }
  }

  /**
   * The same law for join conditions: a generated {@code JoinCondition} over a left and a right row
   * answers what the interpreted condition answers over the joined row (or fails alike), wherever the
   * joined row is split.
   */
  @Test
  void generatedJoinConditionsAnswerAsTheInterpreterOnTheJoinedRow() {
    qt().withFixedSeed(20261128L).withExamples(150).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(this::checkJoinCase);
  }

  private void checkJoinCase(long seed) {
    Random random = new Random(seed);
    Case testCase = new Case(random);
    RexNode condition = testCase.bool(3);
    int arity = testCase.kinds.size();
    int leftArity = random.nextInt(arity + 1);
    Expr interpreted = harness.compiler.compile(condition);
    JoinCondition generated = JoinConditionCodeGenerator.generate(harness.compiler, condition, leftArity)
        .newInstance(CalcHarness.class.getClassLoader(), JoinCondition.class);
    for (int i = 0; i < ROWS_PER_CASE; i++) {
      Row joined = testCase.row();
      Row left = Row.project(joined, IntStream.range(0, leftArity).toArray());
      Row right = Row.project(joined, IntStream.range(leftArity, arity).toArray());
      String expected = outcome(() -> Boolean.TRUE.equals(interpreted.eval(joined)));
      String actual = outcome(() -> generated.test(left, right));
      assertThat(actual).as("seed %s: condition %s split after field %s on %s", seed, condition, leftArity, joined)
          .isEqualTo(expected);
    }
  }

  /**
   * The same law for computed keys: a generated key selector gives the key row the interpreted
   * {@link ExprKeyProjection} gives (values of the same classes, a row of kind insert), or fails alike.
   */
  @Test
  void generatedKeysAreTheInterpretedKeys() {
    qt().withFixedSeed(20261129L).withExamples(150).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(this::checkKeyCase);
  }

  private void checkKeyCase(long seed) {
    Random random = new Random(seed);
    Case testCase = new Case(random);
    List<RexNode> keys = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      keys.add(testCase.any(3));
    }
    ExprKeyProjection interpreted = new ExprKeyProjection(harness.compiler.compileAll(keys));
    GeneratedKeySelector generated = new GeneratedKeySelector(KeyCodeGenerator.generate(harness.compiler, keys));
    for (int i = 0; i < ROWS_PER_CASE; i++) {
      Row input = testCase.row();
      input.setKind(RowKind.values()[random.nextInt(RowKind.values().length)]);
      CalcOutcome expected = CalcOutcome.of(interpreted::getKey, input);
      CalcOutcome actual = CalcOutcome.of(generated::getKey, input);
      assertThat(actual.sameAs(expected))
          .as("seed %s: keys %s on %s: generated %s, interpreted %s", seed, keys, input, actual, expected)
          .isTrue();
    }
  }

  private static String outcome(Supplier<Boolean> test) {
    try {
      return String.valueOf(test.get());
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** The kinds of fields a random row has. */
  private enum FieldKind { INT, BIGINT, DOUBLE, DECIMAL, VARCHAR, BOOLEAN, TIMESTAMP, ROW }

  /** One random row type, expressions over it and rows of it. */
  private final class Case {
    final Random random;
    final List<FieldKind> kinds = new ArrayList<>();
    final RelDataType rowType;
    final RelDataType nestedType;
    final int decimalScale;

    Case(Random random) {
      this.random = random;
      decimalScale = random.nextInt(4);
      nestedType = nullable(types.builder().add("a", nullable(types.createSqlType(SqlTypeName.INTEGER)))
          .add("b", nullable(types.createSqlType(SqlTypeName.VARCHAR, 20))).build());
      RelDataTypeFactory.Builder builder = types.builder();
      int fields = 2 + random.nextInt(6);
      for (int i = 0; i < fields; i++) {
        FieldKind kind = FieldKind.values()[random.nextInt(FieldKind.values().length)];
        kinds.add(kind);
        builder.add("f" + i, typeOf(kind));
      }
      rowType = builder.build();
    }

    RelDataType typeOf(FieldKind kind) {
      return switch (kind) {
        case INT -> nullable(types.createSqlType(SqlTypeName.INTEGER));
        case BIGINT -> nullable(types.createSqlType(SqlTypeName.BIGINT));
        case DOUBLE -> nullable(types.createSqlType(SqlTypeName.DOUBLE));
        case DECIMAL -> nullable(types.createSqlType(SqlTypeName.DECIMAL, 8, decimalScale));
        case VARCHAR -> nullable(types.createSqlType(SqlTypeName.VARCHAR, 20));
        case BOOLEAN -> nullable(types.createSqlType(SqlTypeName.BOOLEAN));
        case TIMESTAMP -> nullable(types.createSqlType(SqlTypeName.TIMESTAMP, 3));
        case ROW -> nestedType;
      };
    }

    RelDataType nullable(RelDataType type) {
      return types.createTypeWithNullability(type, true);
    }

    Row row() {
      Row row = new Row(kinds.size());
      for (int i = 0; i < kinds.size(); i++) {
        row.setField(i, random.nextInt(6) == 0 ? null : value(kinds.get(i)));
      }
      return row;
    }

    Object value(FieldKind kind) {
      return switch (kind) {
        case INT -> pick(0, 1, -1, 7, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt(200) - 100);
        case BIGINT -> pick(0L, 1L, -3L, 123L, Long.MAX_VALUE, Long.MIN_VALUE, (long) random.nextInt(1000) - 500);
        case DOUBLE -> pick(0.0, -0.0, 1.5, -2.25, Double.NaN, 1e300, random.nextDouble() * 100 - 50);
        case DECIMAL -> BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, decimalScale);
        case VARCHAR -> pick("", "a", "Spate", " 42 ", "-7", "3.5", "true", "x%y", "2026-11-27 10:00:00");
        case BOOLEAN -> random.nextBoolean();
        case TIMESTAMP -> LocalDateTime.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
            random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1_000_000);
        case ROW -> Row.of(random.nextInt(3) == 0 ? null : random.nextInt(20) - 10,
            random.nextInt(3) == 0 ? null : pick("b", "B", "nested"));
      };
    }

    @SafeVarargs
    final <T> T pick(T... values) {
      return values[random.nextInt(values.length)];
    }

    RexNode field(FieldKind... wanted) {
      List<Integer> matching = new ArrayList<>();
      for (int i = 0; i < kinds.size(); i++) {
        for (FieldKind kind : wanted) {
          if (kinds.get(i) == kind) {
            matching.add(i);
          }
        }
      }
      if (matching.isEmpty()) {
        return null;
      }
      int index = matching.get(random.nextInt(matching.size()));
      return rex.makeInputRef(rowType.getFieldList().get(index).getType(), index);
    }

    RexNode nested(int index) {
      RexNode row = field(FieldKind.ROW);
      return row == null ? null : rex.makeFieldAccess(row, index);
    }

    /** Any expression: a number, a boolean, a string or a timestamp. */
    RexNode any(int depth) {
      return switch (random.nextInt(5)) {
        case 0, 1 -> number(depth);
        case 2 -> bool(depth);
        case 3 -> string(depth);
        default -> orElse(field(FieldKind.TIMESTAMP, FieldKind.ROW), () -> number(depth));
      };
    }

    RexNode number(int depth) {
      int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(13);
      RexNode node = switch (choice) {
        case 0 -> field(FieldKind.INT, FieldKind.BIGINT, FieldKind.DOUBLE, FieldKind.DECIMAL);
        case 1 -> numericLiteral();
        case 2 -> nested(0);
        case 3, 4, 5 -> call(pick(SqlStdOperatorTable.PLUS, SqlStdOperatorTable.MINUS,
            SqlStdOperatorTable.MULTIPLY, SqlStdOperatorTable.DIVIDE, SqlStdOperatorTable.MOD),
            number(depth - 1), number(depth - 1));
        case 6 -> call(SqlStdOperatorTable.UNARY_MINUS, number(depth - 1));
        case 7 -> caseOf(depth, () -> number(depth - 1));
        case 8 -> cast(numericType(), random.nextBoolean() ? number(depth - 1) : string(depth - 1));
        case 9 -> call(SqlStdOperatorTable.COALESCE, number(depth - 1), number(depth - 1));
        case 10 -> call(SqlStdOperatorTable.CHAR_LENGTH, string(depth - 1));
        case 11 -> call(SqlStdOperatorTable.ABS, number(depth - 1));
        default -> call(SqlStdOperatorTable.UNARY_PLUS, number(depth - 1));
      };
      return orElse(node, this::numericLiteral);
    }

    RexNode bool(int depth) {
      int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(14);
      RexNode node = switch (choice) {
        case 0 -> field(FieldKind.BOOLEAN);
        case 1 -> pick(rex.makeLiteral(true), rex.makeLiteral(false),
            rex.makeNullLiteral(types.createSqlType(SqlTypeName.BOOLEAN)));
        case 2, 3 -> call(comparison(), number(depth - 1), number(depth - 1));
        case 4 -> call(comparison(), string(depth - 1), string(depth - 1));
        case 5 -> call(comparison(), orElse(field(FieldKind.TIMESTAMP), this::timestampLiteral), timestampLiteral());
        case 6 -> call(pick(SqlStdOperatorTable.AND, SqlStdOperatorTable.OR), bool(depth - 1), bool(depth - 1),
            bool(depth - 1));
        case 7 -> call(pick(SqlStdOperatorTable.AND, SqlStdOperatorTable.OR), bool(depth - 1), bool(depth - 1));
        case 8 -> call(SqlStdOperatorTable.NOT, bool(depth - 1));
        case 9 -> call(pick(SqlStdOperatorTable.IS_NULL, SqlStdOperatorTable.IS_NOT_NULL), any(depth - 1));
        case 10 -> call(pick(SqlStdOperatorTable.IS_TRUE, SqlStdOperatorTable.IS_NOT_TRUE,
            SqlStdOperatorTable.IS_FALSE, SqlStdOperatorTable.IS_NOT_FALSE), bool(depth - 1));
        case 11 -> call(pick(SqlStdOperatorTable.IS_DISTINCT_FROM, SqlStdOperatorTable.IS_NOT_DISTINCT_FROM),
            number(depth - 1), number(depth - 1));
        case 12 -> in(depth);
        default -> call(SqlStdOperatorTable.LIKE, string(depth - 1), rex.makeLiteral(pick("S%", "%a%", "_", "")));
      };
      return orElse(node, () -> rex.makeLiteral(random.nextBoolean()));
    }

    RexNode string(int depth) {
      int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(8);
      RexNode node = switch (choice) {
        case 0 -> field(FieldKind.VARCHAR);
        case 1 -> rex.makeLiteral(pick("", "a", "Spate", "12", "x%y"));
        case 2 -> nested(1);
        case 3 -> call(SqlStdOperatorTable.UPPER, string(depth - 1));
        case 4 -> call(SqlStdOperatorTable.CONCAT, string(depth - 1), string(depth - 1));
        case 5 -> caseOf(depth, () -> string(depth - 1));
        case 6 -> cast(types.createSqlType(SqlTypeName.VARCHAR, 20), any(depth - 1));
        default -> call(SqlStdOperatorTable.COALESCE, string(depth - 1), string(depth - 1));
      };
      return orElse(node, () -> rex.makeLiteral("lit"));
    }

    RexNode in(int depth) {
      RexNode value = orElse(field(FieldKind.INT, FieldKind.BIGINT), () -> number(depth - 1));
      List<RexNode> list = new ArrayList<>();
      int count = 1 + random.nextInt(4);
      for (int i = 0; i < count; i++) {
        list.add(rex.makeExactLiteral(BigDecimal.valueOf(random.nextInt(10) - 3),
            types.createSqlType(SqlTypeName.INTEGER)));
      }
      try {
        return rex.makeIn(value, list);
      } catch (RuntimeException e) {
        return null;
      }
    }

    RexNode caseOf(int depth, java.util.function.Supplier<RexNode> branch) {
      List<RexNode> operands = new ArrayList<>();
      int whens = 1 + random.nextInt(3);
      for (int i = 0; i < whens; i++) {
        operands.add(bool(depth - 1));
        operands.add(branch.get());
      }
      operands.add(random.nextInt(3) == 0 ? rex.makeNullLiteral(operands.get(1).getType()) : branch.get());
      return call(SqlStdOperatorTable.CASE, operands.toArray(new RexNode[0]));
    }

    RexNode cast(RelDataType type, RexNode operand) {
      if (operand == null) {
        return null;
      }
      try {
        return rex.makeAbstractCast(nullable(type), operand, false);
      } catch (RuntimeException e) {
        return null;
      }
    }

    RelDataType numericType() {
      return switch (random.nextInt(5)) {
        case 0 -> types.createSqlType(SqlTypeName.INTEGER);
        case 1 -> types.createSqlType(SqlTypeName.BIGINT);
        case 2 -> types.createSqlType(SqlTypeName.DOUBLE);
        case 3 -> types.createSqlType(SqlTypeName.TINYINT);
        default -> types.createSqlType(SqlTypeName.DECIMAL, 6 + random.nextInt(10), random.nextInt(4));
      };
    }

    RexNode numericLiteral() {
      return switch (random.nextInt(5)) {
        case 0 -> rex.makeExactLiteral(BigDecimal.valueOf(random.nextInt(7) - 2),
            types.createSqlType(SqlTypeName.INTEGER));
        case 1 -> rex.makeExactLiteral(BigDecimal.valueOf(random.nextInt(100_000) - 50_000L),
            types.createSqlType(SqlTypeName.BIGINT));
        case 2 -> rex.makeApproxLiteral(BigDecimal.valueOf(random.nextInt(100) - 50, 1));
        case 3 -> rex.makeExactLiteral(new BigDecimal("0.908"));
        default -> rex.makeExactLiteral(BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4)));
      };
    }

    RexNode timestampLiteral() {
      return rex.makeTimestampLiteral(new TimestampString(2026, 6, 1 + random.nextInt(28), 12, 0, 0), 3);
    }

    SqlOperator comparison() {
      return pick(SqlStdOperatorTable.EQUALS, SqlStdOperatorTable.NOT_EQUALS, SqlStdOperatorTable.LESS_THAN,
          SqlStdOperatorTable.LESS_THAN_OR_EQUAL, SqlStdOperatorTable.GREATER_THAN,
          SqlStdOperatorTable.GREATER_THAN_OR_EQUAL);
    }

    /** {@code operator(operands)}, or null when an operand is missing or Calcite refuses the types. */
    RexNode call(SqlOperator operator, RexNode... operands) {
      for (RexNode operand : operands) {
        if (operand == null) {
          return null;
        }
      }
      try {
        return rex.makeCall(operator, operands);
      } catch (RuntimeException | AssertionError e) {
        return null;
      }
    }

    RexNode orElse(RexNode node, java.util.function.Supplier<RexNode> otherwise) {
      return node != null ? node : otherwise.get();
    }
  }
}
