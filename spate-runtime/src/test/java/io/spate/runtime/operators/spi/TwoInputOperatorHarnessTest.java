package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.InternalTimer;
import io.spate.api.operators.InternalTimerService;
import io.spate.api.operators.Triggerable;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.TestHarnesses;
import io.spate.testing.TwoInputTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The two-input harness runs operators of the SPI as the task does: each record's key, by its own
 * input's selector, is current when it arrives, and each timer's key when it fires.
 */
class TwoInputOperatorHarnessTest {

  /**
   * Sums, per key, the numbers of the first input and the lengths of the strings of the second, and
   * emits "key=sum" when the watermark passes the time of the key's first record plus 10.
   */
  static final class SumOfBothInputs extends AbstractStreamOperator<String>
      implements TwoInputStreamOperator<Long, String, String>, Triggerable<Object, VoidNamespace> {

    private static final long serialVersionUID = 1L;
    private static final ValueStateDescriptor<Long> SUM = new ValueStateDescriptor<>("sum", Types.LONG);

    private transient InternalTimerService<VoidNamespace> timers;

    @Override
    public void open() throws Exception {
      timers = getInternalTimerService("emit", this);
    }

    @Override
    public void processElement1(Long value, long timestamp) throws Exception {
      add(value, timestamp);
    }

    @Override
    public void processElement2(String value, long timestamp) throws Exception {
      add(value.length(), timestamp);
    }

    private void add(long amount, long timestamp) throws Exception {
      ValueState<Long> sum = getPartitionedState(SUM);
      if (sum.value() == null) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, timestamp + 10);
      }
      sum.update(sum.value() == null ? amount : sum.value() + amount);
    }

    @Override
    public void onEventTime(InternalTimer<Object, VoidNamespace> timer) throws Exception {
      ValueState<Long> sum = getPartitionedState(SUM);
      output.collect(timer.getKey() + "=" + sum.value(), timer.getTimestamp());
      sum.clear();
    }

    @Override
    public void onProcessingTime(InternalTimer<Object, VoidNamespace> timer) {
      throw new IllegalStateException("no processing-time timers are set");
    }
  }

  private static TwoInputTestHarness<Long, String, String> keyedHarness() {
    return TestHarnesses.forKeyedOperator(new SumOfBothInputs(), (Long x) -> x % 2, (String s) -> (long) (s.length() % 2));
  }

  @Test
  void recordsOfBothInputsMeetInTheStateOfTheirKey() throws Exception {
    try (TwoInputTestHarness<Long, String, String> harness = keyedHarness()) {
      harness.processElement1(4L, 1).processElement2("ab", 2).processElement1(3L, 3).processElement2("abc", 4);
      harness.processWatermark(10);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.processWatermark(20);
      assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder("0=6", "1=6");
      assertThat(harness.getOutput()).extracting(r -> r.timestamp()).containsExactlyInAnyOrder(11L, 13L);
    }
  }

  @Test
  void stateAndTimersOfBothInputsSurviveASnapshotAndRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (TwoInputTestHarness<Long, String, String> before = keyedHarness()) {
      before.processElement1(2L, 1).processElement2("x", 5);
      snapshot = before.snapshot(1, 100);
      before.processElement1(100L, 6); // after the checkpoint: lost with the failure
    }
    try (TwoInputTestHarness<Long, String, String> after = keyedHarness()) {
      after.initializeState(snapshot, 1).processElement2("yy", 7).processElement1(5L, 8);
      after.processWatermark(Long.MAX_VALUE);
      assertThat(after.extractOutputValues()).containsExactlyInAnyOrder("0=4", "1=6");
    }
  }

  @Test
  void keyedStateNeedsKeyedInputs() {
    TwoInputTestHarness<Long, String, String> harness = TestHarnesses.forOperator(new SumOfBothInputs());
    assertThatThrownBy(harness::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SumOfBothInputs")
        .hasMessageContaining("keyed stream");
  }
}
