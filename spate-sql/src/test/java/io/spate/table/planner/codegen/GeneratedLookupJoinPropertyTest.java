package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.functions.KeySelector;
import io.spate.api.types.Row;
import io.spate.table.functions.AsyncLookupFunction;
import io.spate.table.runtime.generated.GeneratedKeySelector;
import io.spate.table.runtime.operators.join.ExprKeyProjection;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import io.spate.table.runtime.operators.join.LookupJoinRunner;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * A lookup join computes its key and tests its remaining condition with generated classes: on random key
 * expressions, random conditions over the left row and the row found, random left rows (NULLs included) and a
 * random looked-up table, inner and LEFT joins emit exactly the rows, in the same order, that they emit with the
 * interpreted key and condition ({@code table.exec.spate.codegen.enabled=false}).
 */
class GeneratedLookupJoinPropertyTest {

  private static final String[] STRINGS = {null, "a", "b", "ab", "abc"};

  private final CalcHarness harness = new CalcHarness();
  private final RelDataType leftType;
  private final RelDataType joinedType;
  private long emitted;

  GeneratedLookupJoinPropertyTest() {
    RelDataTypeFactory types = harness.planner.typeFactory();
    leftType = side(types, "l").build();
    joinedType = side(types, "l").addAll(side(types, "r").build().getFieldList()).build();
  }

  private static RelDataTypeFactory.Builder side(RelDataTypeFactory types, String side) {
    return types.builder()
        .add(side + "k", types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true))
        .add(side + "a", types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true))
        .add(side + "s", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR, 10), true));
  }

  @Test
  void lookupJoinsEmitTheSameRowsWithGeneratedKeysAndConditions() {
    emitted = 0;
    qt().withFixedSeed(20261128L).withExamples(60).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(this::sameOutput);
    assertThat(emitted).as("rows the lookup joins emitted over all cases").isGreaterThan(300);
  }

  private void sameOutput(long seed) {
    Random random = new Random(seed);
    String keySql = key(random);
    String conditionSql = random.nextInt(4) == 0 ? null : condition(random, 3);
    RexNode key = harness.rex(keySql, leftType);
    RexNode condition = conditionSql == null ? null : harness.rex(conditionSql, joinedType);
    boolean leftOuter = random.nextBoolean();
    List<Row> table = rows(random, 4 + random.nextInt(8));
    List<Row> input = rows(random, 20 + random.nextInt(20));
    try {
      List<Row> interpreted = run(new LookupJoinRunner(new TableLookup(table),
          new ExprKeyProjection(harness.compiler.compileAll(List.of(key))),
          condition == null ? null : JoinConditionCode.interpreted(harness.compiler.compile(condition)),
          leftOuter, 3, "dim", List.of()), input);
      KeySelector<Row, Row> generatedKey = new GeneratedKeySelector(KeyCodeGenerator.generate(harness.compiler,
          List.of(key)));
      List<Row> generated = run(new LookupJoinRunner(new TableLookup(table), generatedKey,
          condition == null ? null : JoinConditionCode.generated(
              JoinConditionCodeGenerator.generate(harness.compiler, condition, 3)),
          leftOuter, 3, "dim", List.of()), input);
      assertThat(generated).as("seed %s, key %s, condition %s", seed, keySql, conditionSql).isEqualTo(interpreted);
      emitted += generated.size();
    } catch (Exception e) {
      throw new AssertionError("seed " + seed + ", key " + keySql + ", condition " + conditionSql, e);
    }
  }

  private static List<Row> run(LookupJoinRunner runner, List<Row> input) throws Exception {
    try (OneInputTestHarness<Row, Row> harness = TestHarnesses.forAsync(runner, AsyncDataStream.OutputMode.ORDERED,
        Duration.ofMinutes(1), 10)) {
      for (Row row : input) {
        harness.processElement(Row.copy(row));
      }
      harness.endInput();
      return new ArrayList<>(harness.extractOutputValues());
    }
  }

  /** {@code count} rows (k, a, s) with small values, each field NULL now and then. */
  private static List<Row> rows(Random random, int count) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(Row.of(random.nextInt(8) == 0 ? null : random.nextInt(4),
          random.nextInt(5) == 0 ? null : (long) (random.nextInt(6) - 2), STRINGS[random.nextInt(STRINGS.length)]));
    }
    return rows;
  }

  /** A key over the left row (lk, la, ls) that the table's first column is compared with. */
  private static String key(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> "lk";
      case 1 -> "lk % 2 + 1";
      case 2 -> "CHAR_LENGTH(ls)";
      case 3 -> "CAST(la AS INT) + 1";
      default -> "COALESCE(lk, 0)";
    };
  }

  /** A random condition (SQL) over the joined row (lk, la, ls, rk, ra, rs), nested up to {@code depth}. */
  private static String condition(Random random, int depth) {
    if (depth > 0 && random.nextInt(3) > 0) {
      return switch (random.nextInt(3)) {
        case 0 -> "(" + condition(random, depth - 1) + " AND " + condition(random, depth - 1) + ")";
        case 1 -> "(" + condition(random, depth - 1) + " OR " + condition(random, depth - 1) + ")";
        default -> "NOT (" + condition(random, depth - 1) + ")";
      };
    }
    String op = new String[] {"=", "<>", "<", "<=", ">", ">="}[random.nextInt(6)];
    return switch (random.nextInt(6)) {
      case 0 -> "la " + op + " ra + " + (random.nextInt(3) - 1);
      case 1 -> "ls " + op + " rs";
      case 2 -> (random.nextBoolean() ? "la" : "rs") + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
      case 3 -> "COALESCE(la, 0) " + op + " COALESCE(ra, 1)";
      case 4 -> "CHAR_LENGTH(rs) " + op + " la";
      default -> "ra IS " + (random.nextBoolean() ? "" : "NOT ") + "DISTINCT FROM la";
    };
  }

  /** A looked-up table in memory: the rows whose first column equals the key's only value. */
  private static final class TableLookup extends AsyncLookupFunction {

    private static final long serialVersionUID = 1L;

    private final List<Row> rows;

    TableLookup(List<Row> rows) {
      this.rows = rows;
    }

    @Override
    public CompletableFuture<Collection<Row>> asyncLookup(Row keyRow) {
      List<Row> found = new ArrayList<>();
      for (Row row : rows) {
        if (Objects.equals(row.getField(0), keyRow.getField(0))) {
          found.add(Row.copy(row));
        }
      }
      return CompletableFuture.completedFuture(found);
    }
  }
}
