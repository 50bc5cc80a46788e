package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import org.junit.jupiter.api.Test;

/** The test harnesses run operators of the SPI: keyed state, timers, snapshots and restores. */
class OperatorHarnessTest {

  @Test
  void aKeyedOperatorFiresItsTimersWhenTheWatermarkPasses() throws Exception {
    try (OneInputTestHarness<Long, String> harness =
        TestHarnesses.forKeyedOperator(new WindowSumOperator(10), x -> x % 2)) {
      harness.processElement(1L, 1).processElement(2L, 2).processElement(3L, 13).processElement(5L, 15);
      harness.processWatermark(9);
      assertThat(harness.extractOutputValues()).isEmpty(); // windows close, but are emitted at the end
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder("1@9=1", "0@9=2", "1@19=8");
    }
  }

  @Test
  void stateAndTimersSurviveASnapshotAndRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (OneInputTestHarness<Long, String> before =
        TestHarnesses.forKeyedOperator(new WindowSumOperator(10), x -> x % 2)) {
      before.processElement(1L, 1).processElement(3L, 5).processElement(4L, 12);
      snapshot = before.snapshot(1, 100);
      before.processElement(100L, 6); // after the checkpoint: lost with the failure
    }
    try (OneInputTestHarness<Long, String> after =
        TestHarnesses.forKeyedOperator(new WindowSumOperator(10), x -> x % 2)) {
      after.initializeState(snapshot, 1).processElement(7L, 8);
      after.processWatermark(Long.MAX_VALUE);
      assertThat(after.extractOutputValues()).containsExactlyInAnyOrder("1@9=11", "0@19=4");
    }
  }

  @Test
  void timersNeedAKeyedStream() {
    OneInputTestHarness<Long, String> harness = TestHarnesses.forOperator(new WindowSumOperator(10));
    assertThatThrownBy(harness::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WindowSumOperator")
        .hasMessageContaining("keyed stream");
  }
}
