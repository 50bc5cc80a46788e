package io.spate.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.types.logical.IntType;
import io.spate.testing.TestHarnesses;
import io.spate.testing.TwoInputTestHarness;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The inner join of insert-only inputs ({@link AppendOnlyJoinFunction}) emits the multiset of rows
 * that the general join of changelogs ({@link JoinFunction}) emits for the same inserts: on random
 * rows of two sides of different types, with NULL fields, equal rows repeated, random conditions
 * beyond the key and none, also when the join is snapshotted and restored halfway.
 * A row stored on the wrong side, a row or its NULLs and times changed on the way through the state, or
 * a stored row lost on restore would change the multiset.
 */
class AppendOnlyJoinPropertyTest {

  /** Left rows (k INT, a BIGINT, s VARCHAR, ts TIMESTAMP(3)). */
  private static final RowTypeInfo LEFT = new RowTypeInfo(Types.INT, Types.LONG, Types.STRING, Types.LOCAL_DATE_TIME);
  /** Right rows (k INT, s VARCHAR, b BIGINT). */
  private static final RowTypeInfo RIGHT = new RowTypeInfo(Types.INT, Types.STRING, Types.LONG);
  private static final SqlKeySelector KEY = SqlKeySelector.of(new int[] {0}, List.of(new IntType()));
  private static final String[] STRINGS = {null, "", "a", "b", "ab", "héllo"};
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  private long emitted;

  @Test
  void theAppendOnlyJoinEmitsWhatTheGeneralJoinEmits() {
    emitted = 0;
    qt().withFixedSeed(20261128L).withExamples(200).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          Random random = new Random(seed);
          int conditionKind = random.nextInt(4);
          List<Input> inputs = inputs(random);
          try {
            List<String> general = run(() -> new JoinFunction(LEFT, RIGHT, condition(conditionKind), false, false, 0),
                inputs, -1);
            List<String> appendOnly = run(() -> new AppendOnlyJoinFunction(LEFT, RIGHT, condition(conditionKind), 0),
                inputs, -1);
            List<String> restored = run(() -> new AppendOnlyJoinFunction(LEFT, RIGHT, condition(conditionKind), 0),
                inputs, inputs.size() / 2);
            assertThat(appendOnly).as("seed %s", seed).isEqualTo(general);
            assertThat(restored).as("seed %s, restored halfway", seed).isEqualTo(general);
            emitted += general.size();
          } catch (Exception e) {
            throw new AssertionError("seed " + seed, e);
          }
        });
    assertThat(emitted).as("rows the joins emitted over all cases").isGreaterThan(2000);
  }

  /** One row to one side. */
  private record Input(boolean left, Row row) {}

  /**
   * The rows the join made of {@code inputs}, as sorted strings (the general join emits a key's matches
   * in the order of a hash map); with {@code restoreAt >= 0}, the join is snapshotted after that many
   * inputs and the rest go to a new one restored from the snapshot.
   */
  private static List<String> run(Supplier<KeyedCoProcessFunction<Object, Row, Row, Row>> join, List<Input> inputs,
      int restoreAt) throws Exception {
    List<String> out = new ArrayList<>();
    TwoInputTestHarness<Row, Row, Row> harness = TestHarnesses.forKeyedCoProcess(join.get(), KEY, KEY);
    try {
      for (int i = 0; i < inputs.size(); i++) {
        if (i == restoreAt) {
          OperatorSubtaskState state = harness.snapshot(1, 0);
          collect(harness, out);
          harness.close();
          harness = TestHarnesses.forKeyedCoProcess(join.get(), KEY, KEY);
          harness.initializeState(state);
        }
        Input input = inputs.get(i);
        if (input.left()) {
          harness.processElement1(Row.copy(input.row()), 0);
        } else {
          harness.processElement2(Row.copy(input.row()), 0);
        }
      }
      collect(harness, out);
    } finally {
      harness.close();
    }
    out.sort(null);
    return out;
  }

  private static void collect(TwoInputTestHarness<Row, Row, Row> harness, List<String> out) {
    harness.extractOutputValues().forEach(row -> out.add(row.toString()));
    harness.clearOutput();
  }

  /**
   * None (0), or a condition over the joined row (k, a, s, ts, k, s, b): {@code a < b} (1), the two
   * {@code s} equal (2), {@code a IS NULL OR ts} before a time that depends on {@code b} (3).
   */
  private static JoinConditionCode condition(int kind) {
    Expr expr = switch (kind) {
      case 0 -> null;
      case 1 -> row -> row.getField(1) == null || row.getField(6) == null ? null
          : (Long) row.getField(1) < (Long) row.getField(6);
      case 2 -> row -> row.getField(2) == null || row.getField(5) == null ? null
          : Objects.equals(row.getField(2), row.getField(5));
      default -> row -> row.getField(1) == null
          || (row.getField(6) != null && row.getField(3) != null && ((LocalDateTime) row.getField(3)).isBefore(
              EPOCH.plusSeconds((Long) row.getField(6))));
    };
    return expr == null ? null : JoinConditionCode.interpreted(expr);
  }

  /**
   * 0 to 60 rows of keys 0 to 2, whose other fields take few values, NULL among them, so equal rows and
   * rows that fail the condition are common. Keys are never NULL: a test harness cannot key state by
   * one, and a NULL key is only a key to this join (SqlAppendOnlyJoinE2ETest covers NULL keys).
   */
  private static List<Input> inputs(Random random) {
    List<Input> inputs = new ArrayList<>();
    int count = random.nextInt(61);
    for (int i = 0; i < count; i++) {
      int k = random.nextInt(3);
      Long number = random.nextInt(5) == 0 ? null : (long) (random.nextInt(6) - 2);
      String s = STRINGS[random.nextInt(STRINGS.length)];
      if (random.nextBoolean()) {
        LocalDateTime ts = random.nextInt(6) == 0 ? null : EPOCH.plusNanos(random.nextInt(4) * 1_000_000L);
        inputs.add(new Input(true, Row.of(k, number, s, ts)));
      } else {
        inputs.add(new Input(false, Row.of(k, s, number)));
      }
    }
    return inputs;
  }
}
