package io.spate.table.runtime.operators;

import io.spate.table.runtime.keys.SqlKeySelector;
import java.util.List;
import io.spate.table.types.logical.IntType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ChangelogNormalize turns any upsert sequence into a well-formed changelog whose fold is the last
 * row per key; a repeated row and a tombstone of an unknown key emit nothing; its state survives a
 * snapshot and restore.
 */
class ChangelogNormalizeFunctionTest {

  private static final RowTypeInfo ROWS = new RowTypeInfo(Types.INT, Types.STRING);

  private static OneInputTestHarness<Row, Row> harness() throws Exception {
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(new ChangelogNormalizeFunction(ROWS, 0),
        SqlKeySelector.of(new int[] {0}, List.of(new IntType())));
    harness.open();
    return harness;
  }

  /** An upsert of {@code event}: key {@code event % 4}, value {@code event / 4 % 3}, or a tombstone if that is 0. */
  private static Row upsert(int event) {
    int key = event % 4;
    int value = event / 4 % 3;
    return value == 0 ? Row.ofKind(RowKind.DELETE, key, null)
        : Row.ofKind(event % 2 == 0 ? RowKind.INSERT : RowKind.UPDATE_AFTER, key, "v" + value);
  }

  @Test
  void foldingTheChangelogOfAnyUpsertsGivesTheLastRowPerKey() {
    qt().withExamples(300).forAll(lists().of(integers().between(0, 1_000)).ofSizeBetween(0, 40)).checkAssert(events -> {
      try {
        OneInputTestHarness<Row, Row> harness = harness();
        Map<Integer, String> last = new HashMap<>();
        for (int event : events) {
          Row row = upsert(event);
          harness.processElement(row);
          if (row.getKind() == RowKind.DELETE) {
            last.remove((Integer) row.getField(0));
          } else {
            last.put((Integer) row.getField(0), (String) row.getField(1));
          }
        }
        Map<Integer, String> folded = new HashMap<>();
        for (Row change : harness.extractOutputValues()) {
          Integer key = (Integer) change.getField(0);
          switch (change.getKind()) {
            case INSERT:
              assertThat(folded).as("an insert of a new key").doesNotContainKey(key);
              folded.put(key, (String) change.getField(1));
              break;
            case UPDATE_AFTER:
              assertThat(folded).as("an update-after follows its update-before").doesNotContainKey(key);
              folded.put(key, (String) change.getField(1));
              break;
            default:
              assertThat(folded).as("a retraction takes back the row there is").containsEntry(key,
                  (String) change.getField(1));
              folded.remove(key);
          }
        }
        assertThat(folded).isEqualTo(last);
        harness.close();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void aRepeatedRowAndATombstoneOfAnUnknownKeyEmitNothing() throws Exception {
    OneInputTestHarness<Row, Row> harness = harness();
    harness.processElement(Row.ofKind(RowKind.DELETE, 1, null));
    harness.processElement(Row.ofKind(RowKind.INSERT, 1, "a"));
    harness.processElement(Row.ofKind(RowKind.UPDATE_AFTER, 1, "a"));
    harness.processElement(Row.ofKind(RowKind.UPDATE_AFTER, 1, "b"));
    harness.processElement(Row.ofKind(RowKind.DELETE, 1, null));
    harness.processElement(Row.ofKind(RowKind.DELETE, 1, null));
    assertThat(harness.extractOutputValues()).containsExactly(Row.ofKind(RowKind.INSERT, 1, "a"),
        Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a"), Row.ofKind(RowKind.UPDATE_AFTER, 1, "b"),
        Row.ofKind(RowKind.DELETE, 1, "b"));
  }

  @Test
  void theLastRowPerKeyIsRestoredFromASnapshot() throws Exception {
    OneInputTestHarness<Row, Row> first = harness();
    first.processElement(Row.ofKind(RowKind.INSERT, 1, "a"));
    first.processElement(Row.ofKind(RowKind.INSERT, 2, "x"));
    OperatorSubtaskState snapshot = first.snapshot(1, 1);
    first.close();
    OneInputTestHarness<Row, Row> restored = TestHarnesses.forKeyedProcess(new ChangelogNormalizeFunction(ROWS, 0),
        SqlKeySelector.of(new int[] {0}, List.of(new IntType())));
    restored.initializeState(snapshot).open();
    restored.processElement(Row.ofKind(RowKind.UPDATE_AFTER, 1, "b"));
    restored.processElement(Row.ofKind(RowKind.UPDATE_AFTER, 2, "x"));
    restored.processElement(Row.ofKind(RowKind.DELETE, 2, null));
    assertThat(restored.extractOutputValues()).containsExactly(Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a"),
        Row.ofKind(RowKind.UPDATE_AFTER, 1, "b"), Row.ofKind(RowKind.DELETE, 2, "x"));
  }
}
