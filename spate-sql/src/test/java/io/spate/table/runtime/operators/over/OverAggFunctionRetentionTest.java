package io.spate.table.runtime.operators.over;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.table.runtime.keys.SqlKeySelector;
import java.util.List;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.AggFunctions;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code table.exec.state.ttl} on an event-time OVER aggregate: a partition idle for the retention is
 * forgotten as a whole (its running count starts again), but never while a row of it still waits for
 * the watermark; the cleanup timer survives a checkpoint.
 */
class OverAggFunctionRetentionTest {

  private static final long RETENTION = 100;
  private static final RowTypeInfo INPUT = new RowTypeInfo(Types.STRING, Types.INSTANT);

  private static OneInputTestHarness<Row, Row> harness() throws Exception {
    AggFunction[] count = {AggFunctions.count(-1, -1)};
    return TestHarnesses.forKeyedProcess(new OverAggFunction(1, true, -1, count, INPUT, RETENTION),
        SqlKeySelector.of(new int[] {0}, List.of(new VarCharType())));
  }

  private static Row row(long time) {
    return Row.of("a", Instant.ofEpochMilli(time));
  }

  private static long lastCount(OneInputTestHarness<Row, Row> harness) {
    var out = harness.extractOutputValues();
    return (Long) out.get(out.size() - 1).getField(2);
  }

  @Test
  void anIdlePartitionIsForgottenButNotWhileARowWaitsForTheWatermark() throws Exception {
    try (OneInputTestHarness<Row, Row> harness = harness()) {
      harness.open().setProcessingTime(0);
      harness.processElement(row(10)).processWatermark(10);
      assertThat(lastCount(harness)).isEqualTo(1);

      harness.setProcessingTime(50).processElement(row(20)); // waits for watermark 20
      harness.setProcessingTime(120); // first timer (100): input at 50, so not idle yet
      harness.setProcessingTime(160); // idle since 50, but row 20 still waits: kept
      harness.processWatermark(20);
      assertThat(lastCount(harness)).as("the partition was kept while a row waited").isEqualTo(2);

      harness.setProcessingTime(300); // idle since 50, nothing waiting: forgotten
      harness.processElement(row(30)).processWatermark(30);
      assertThat(lastCount(harness)).as("the running count starts again").isEqualTo(1);
    }
  }

  @Test
  void aPartitionWithInputWithinTheRetentionIsKept() throws Exception {
    try (OneInputTestHarness<Row, Row> harness = harness()) {
      harness.open().setProcessingTime(0);
      for (int i = 1; i <= 5; i++) {
        harness.setProcessingTime(i * 80L).processElement(row(i * 10L)).processWatermark(i * 10L);
      }
      assertThat(lastCount(harness)).isEqualTo(5);
    }
  }

  @Test
  void theCleanupTimerIsRestoredFromACheckpoint() throws Exception {
    OperatorSubtaskState state;
    try (OneInputTestHarness<Row, Row> harness = harness()) {
      harness.open().setProcessingTime(0);
      harness.processElement(row(10)).processWatermark(10);
      state = harness.snapshot(1, 0);
    }
    try (OneInputTestHarness<Row, Row> restored = harness()) {
      restored.initializeState(state).open();
      restored.processWatermark(10);
      restored.setProcessingTime(50).processElement(row(20)).processWatermark(20);
      assertThat(lastCount(restored)).as("the restored partition goes on").isEqualTo(2);
      restored.setProcessingTime(400);
      restored.processElement(row(30)).processWatermark(30);
      assertThat(lastCount(restored)).as("the restored timer forgot the idle partition").isEqualTo(1);
    }
  }
}
