package io.spate.table.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.types.logical.IntType;
import io.spate.table.runtime.operators.join.IntervalJoinOperator;
import io.spate.table.runtime.operators.join.JoinConditionCode;
import io.spate.table.runtime.operators.join.JoinFunction;
import io.spate.table.runtime.operators.join.SemiAntiJoinFunction;
import io.spate.testing.TestHarnesses;
import io.spate.testing.TwoInputTestHarness;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The joins beyond the inner join of insert-only inputs (joins of changelogs, outer joins, semi and
 * anti joins, interval joins) test their non-equi condition with the generated class: on random
 * conditions and random inputs (inserts and retractions, NULLs, keys with several rows), each emits
 * exactly the rows, in the same order, that it emits with the interpreted condition
 * ({@code table.exec.spate.codegen.enabled=false}). A condition that reads one side where it should
 * read the other, or takes the sides in the wrong order, answers differently on some pair.
 */
class GeneratedJoinConditionsInOperatorsPropertyTest {

  /** Both sides' rows: (k INT, a BIGINT, s VARCHAR, ts TIMESTAMP(3)), keyed by k. */
  private static final RowTypeInfo SIDE = new RowTypeInfo(Types.INT, Types.LONG, Types.STRING,
      Types.LOCAL_DATE_TIME);
  private static final SqlKeySelector KEY = SqlKeySelector.of(new int[] {0}, List.of(new IntType()));
  private static final int ARITY = 4;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final String[] STRINGS = {null, "a", "b", "%", "_a", "ab"};

  private final CalcHarness harness = new CalcHarness();
  private final RelDataType joinedType;
  private long emitted;

  GeneratedJoinConditionsInOperatorsPropertyTest() {
    RelDataTypeFactory types = harness.planner.typeFactory();
    RelDataTypeFactory.Builder builder = types.builder();
    for (String side : new String[] {"l", "r"}) {
      builder.add(side + "k", types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true));
      builder.add(side + "a", types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true));
      builder.add(side + "s", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR, 10), true));
      builder.add(side + "ts", types.createTypeWithNullability(types.createSqlType(SqlTypeName.TIMESTAMP, 3), true));
    }
    joinedType = builder.build();
  }

  @Test
  void regularJoinsOfChangelogsEmitTheSameRowsWithTheGeneratedCondition() {
    emitted = 0;
    qt().withFixedSeed(20261128L).withExamples(60).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> sameOutput(seed, (condition, random) -> {
          boolean leftOuter = random.nextBoolean();
          boolean rightOuter = random.nextBoolean();
          return TestHarnesses.forKeyedCoProcess(new JoinFunction(SIDE, SIDE, condition, leftOuter, rightOuter, 0,
              new int[] {0}, new int[] {0}), KEY, KEY);
        }, true, true));
    assertThat(emitted).as("rows the joins emitted over all cases").isGreaterThan(500);
  }

  @Test
  void semiAndAntiJoinsEmitTheSameRowsWithTheGeneratedCondition() {
    emitted = 0;
    qt().withFixedSeed(20261129L).withExamples(60).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> sameOutput(seed, (condition, random) -> TestHarnesses.forKeyedCoProcess(
            new SemiAntiJoinFunction(SIDE, SIDE, condition, random.nextBoolean(), 0), KEY, KEY), true, false));
    assertThat(emitted).as("rows the joins emitted over all cases").isGreaterThan(200);
  }

  @Test
  void intervalJoinsEmitTheSameRowsWithTheGeneratedCondition() {
    emitted = 0;
    qt().withFixedSeed(20261130L).withExamples(60).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> sameOutput(seed, (condition, random) -> TestHarnesses.forKeyedOperator(
            new IntervalJoinOperator(SIDE, SIDE, 3, 3, -5, 5, condition, random.nextBoolean(), random.nextBoolean()),
            KEY, KEY), false, false));
    assertThat(emitted).as("rows the joins emitted over all cases").isGreaterThan(200);
  }

  /** Makes the operator under test for a condition; the random source picks its options. */
  private interface Operators {
    TwoInputTestHarness<Row, Row, Row> create(JoinConditionCode condition, Random random) throws Exception;
  }

  private void sameOutput(long seed, Operators operators, boolean retractions, boolean nullKeys) {
    Random random = new Random(seed);
    String sql = condition(random, 3);
    RexNode condition = harness.rex(sql, joinedType);
    List<Input> inputs = inputs(random, retractions, nullKeys);
    long options = random.nextLong();
    try {
      List<Row> interpreted = run(operators.create(JoinConditionCode.interpreted(harness.compiler.compile(condition)),
          new Random(options)), inputs);
      List<Row> generated = run(operators.create(JoinConditionCode.generated(
          JoinConditionCodeGenerator.generate(harness.compiler, condition, ARITY)), new Random(options)), inputs);
      assertThat(generated).as("seed %s, condition %s", seed, sql).isEqualTo(interpreted);
      emitted += generated.size();
    } catch (Exception e) {
      throw new AssertionError("seed " + seed + ", condition " + sql, e);
    }
  }

  private static List<Row> run(TwoInputTestHarness<Row, Row, Row> harness, List<Input> inputs) throws Exception {
    try (harness) {
      long watermark = Long.MIN_VALUE;
      for (Input input : inputs) {
        if (input.watermark() != null) {
          watermark = Math.max(watermark, input.watermark());
          harness.processWatermark(watermark);
        } else if (input.left()) {
          harness.processElement1(Row.copy(input.row()), millis(input.row()));
        } else {
          harness.processElement2(Row.copy(input.row()), millis(input.row()));
        }
      }
      harness.processWatermark(Long.MAX_VALUE);
      return new ArrayList<>(harness.extractOutputValues());
    }
  }

  private static long millis(Row row) {
    return Duration.between(EPOCH, (LocalDateTime) row.getField(3)).toMillis();
  }

  /** One delivery: a row to a side, or a watermark. */
  private record Input(boolean left, Row row, Long watermark) {}

  /**
   * 30 to 60 deliveries: rows of keys 0 to 2 at times that go forward with some disorder; with
   * {@code retractions}, some deliveries take back a row that side inserted before; the others
   * interleave watermarks a little behind the times. Keys are NULL now and then only with
   * {@code nullKeys} (a test harness cannot key state by a NULL key).
   */
  private static List<Input> inputs(Random random, boolean retractions, boolean nullKeys) {
    List<Input> inputs = new ArrayList<>();
    List<List<Row>> inserted = List.of(new ArrayList<>(), new ArrayList<>());
    int count = 30 + random.nextInt(31);
    long time = 0;
    for (int i = 0; i < count; i++) {
      boolean left = random.nextBoolean();
      List<Row> mine = inserted.get(left ? 0 : 1);
      if (retractions && !mine.isEmpty() && random.nextInt(4) == 0) {
        Row row = mine.remove(random.nextInt(mine.size()));
        Row retraction = Row.copy(row);
        retraction.setKind(RowKind.DELETE);
        inputs.add(new Input(left, retraction, null));
        continue;
      }
      if (!retractions && random.nextInt(6) == 0) {
        inputs.add(new Input(false, null, time - 3));
        continue;
      }
      time += random.nextInt(4);
      Long a = random.nextInt(5) == 0 ? null : (long) (random.nextInt(6) - 2);
      Integer k = random.nextInt(10) == 0 ? null : random.nextInt(3);
      Row row = Row.of(k, a, STRINGS[random.nextInt(STRINGS.length)],
          EPOCH.plusNanos(Math.max(0, time - random.nextInt(3)) * 1_000_000));
      if (!nullKeys && k == null) {
        row.setField(0, 0);
      }
      mine.add(row);
      inputs.add(new Input(left, row, null));
    }
    return inputs;
  }

  /** A random condition (SQL) over the joined row (lk, la, ls, lts, rk, ra, rs, rts), nested up to {@code depth}. */
  private static String condition(Random random, int depth) {
    if (depth > 0 && random.nextInt(3) > 0) {
      return switch (random.nextInt(3)) {
        case 0 -> "(" + condition(random, depth - 1) + " AND " + condition(random, depth - 1) + ")";
        case 1 -> "(" + condition(random, depth - 1) + " OR " + condition(random, depth - 1) + ")";
        default -> "NOT (" + condition(random, depth - 1) + ")";
      };
    }
    String op = new String[] {"=", "<>", "<", "<=", ">", ">="}[random.nextInt(6)];
    return switch (random.nextInt(8)) {
      case 0 -> "la " + op + " ra + " + (random.nextInt(3) - 1);
      case 1 -> "la - ra " + op + " " + (random.nextInt(3) - 1);
      case 2 -> "ls " + op + " rs";
      case 3 -> (random.nextBoolean() ? "la" : "rs") + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
      // A pattern that is not a literal: the generated class hands the LIKE to the interpreter.
      case 4 -> (random.nextBoolean() ? "ls LIKE rs" : "rs LIKE ls");
      case 5 -> "COALESCE(la, 0) " + op + " COALESCE(ra, 1)";
      case 6 -> "CHAR_LENGTH(rs) " + op + " la";
      default -> "ra IS " + (random.nextBoolean() ? "" : "NOT ") + "DISTINCT FROM la";
    };
  }
}
