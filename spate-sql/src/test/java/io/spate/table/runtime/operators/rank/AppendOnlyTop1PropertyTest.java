package io.spate.table.runtime.operators.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.types.logical.IntType;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The Top-1 of inserts ({@link AppendOnlyTop1Function}) emits exactly what the general append-only
 * Top-N ({@link AppendOnlyTopNFunction}) emits for ranks 1 to 1, in the same order: on random rows
 * with many ties in the ORDER BY fields, NULLs in them, random directions and NULL orders, with and
 * without the rank number in the output, also when the Top-1 is restored from a snapshot taken
 * halfway. A fast path that replaced the kept row on a tie, mixed up the NULL order or lost its row
 * on restore would answer differently on some input.
 */
class AppendOnlyTop1PropertyTest {

  /** Rows (k INT, a BIGINT, s VARCHAR, n BIGINT), partitioned by k; n numbers the rows. */
  private static final RowTypeInfo TYPE = new RowTypeInfo(Types.INT, Types.LONG, Types.STRING, Types.LONG);
  private static final SqlKeySelector KEY = SqlKeySelector.of(new int[] {0}, List.of(new IntType()));
  private static final String[] STRINGS = {null, "a", "b", "ab"};

  @Test
  void theTop1EmitsWhatTheGeneralTopNEmitsForRankOne() {
    qt().withFixedSeed(20261128L).withExamples(200).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          Random random = new Random(seed);
          SortOrder order = randomOrder(random);
          boolean outputRank = random.nextBoolean();
          List<Row> inputs = randomRows(random);
          try {
            List<String> general = run(new AppendOnlyTopNFunction(order, 1, 1, outputRank, TYPE, 0), inputs, -1);
            List<String> top1 = run(new AppendOnlyTop1Function(order, outputRank, TYPE, 0), inputs, -1);
            List<String> restored = run(new AppendOnlyTop1Function(order, outputRank, TYPE, 0), inputs,
                inputs.size() / 2);
            assertThat(top1).as("seed %s", seed).isEqualTo(general);
            assertThat(restored).as("seed %s, restored halfway", seed).isEqualTo(general);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  /**
   * The changes {@code function} emits for {@code inputs}; with {@code restoreAt >= 0}, the operator
   * is snapshotted after that many rows and the rest go to a new one restored from the snapshot.
   */
  private static List<String> run(KeyedProcessFunction<Object, Row, Row> function, List<Row> inputs, int restoreAt)
      throws Exception {
    List<String> out = new ArrayList<>();
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(function, KEY);
    try {
      for (int i = 0; i < inputs.size(); i++) {
        if (i == restoreAt) {
          OperatorSubtaskState state = harness.snapshot(1, 0);
          collect(harness, out);
          harness.close();
          harness = TestHarnesses.forKeyedProcess(function, KEY);
          harness.initializeState(state);
        }
        harness.processElement(Row.copy(inputs.get(i)), 0);
      }
      collect(harness, out);
    } finally {
      harness.close();
    }
    return out;
  }

  private static void collect(OneInputTestHarness<Row, Row> harness, List<String> out) {
    harness.extractOutputValues().forEach(row -> out.add(row.toString()));
    harness.clearOutput();
  }

  private static SortOrder randomOrder(Random random) {
    int fieldCount = 1 + random.nextInt(2);
    int[] fields = new int[fieldCount];
    boolean[] descending = new boolean[fieldCount];
    boolean[] nullsFirst = new boolean[fieldCount];
    int first = 1 + random.nextInt(2);
    for (int i = 0; i < fieldCount; i++) {
      fields[i] = i == 0 ? first : 3 - first; // a and s, in either order
      descending[i] = random.nextBoolean();
      nullsFirst[i] = random.nextBoolean();
    }
    return new SortOrder(fields, descending, nullsFirst);
  }

  /** Rows of a few keys whose ORDER BY fields take few values, NULL among them, so ties are common. */
  private static List<Row> randomRows(Random random) {
    int count = random.nextInt(60);
    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Long a = random.nextInt(5) == 0 ? null : (long) random.nextInt(4);
      rows.add(Row.of(random.nextInt(3), a, STRINGS[random.nextInt(STRINGS.length)], (long) n));
    }
    return rows;
  }
}
