package io.spate.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class InputWatermarksTest {

  /**
   * After any sequence of watermarks and statuses on two inputs, the combined watermark is the
   * highest minimum over the active inputs' highest watermarks seen so far, and an update reports an
   * advance exactly when it raised the combination.
   */
  @Test
  void theCombinationIsTheMinimumOverActiveInputsAndNeverGoesBack() {
    // Each step: input (0 or 1), then a watermark (0..20), or -1 for "idle", or -2 for "active".
    qt().forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 1).zip(SourceDSL.integers().between(-2, 20),
            (input, event) -> new int[] {input, event})).ofSizeBetween(0, 30))
        .checkAssert(steps -> check(steps));
  }

  private static void check(List<int[]> steps) {
    InputWatermarks combination = new InputWatermarks(2);
    long[] watermarks = {Long.MIN_VALUE, Long.MIN_VALUE};
    boolean[] idle = {false, false};
    long expected = Long.MIN_VALUE;
    for (int[] step : steps) {
      boolean advanced;
      if (step[1] >= 0) {
        watermarks[step[0]] = Math.max(watermarks[step[0]], step[1]);
        advanced = combination.updateWatermark(step[0], step[1]);
      } else {
        idle[step[0]] = step[1] == -1;
        advanced = combination.updateIdle(step[0], idle[step[0]]);
      }
      long minimum = Long.MAX_VALUE;
      for (int i = 0; i < 2; i++) {
        if (!idle[i]) {
          minimum = Math.min(minimum, watermarks[i]);
        }
      }
      boolean anyActive = !(idle[0] && idle[1]);
      long before = expected;
      if (anyActive && minimum > expected) {
        expected = minimum;
      }
      assertThat(combination.combined()).as(Arrays.deepToString(steps.toArray())).isEqualTo(expected);
      assertThat(advanced).isEqualTo(expected > before);
      assertThat(combination.isIdle()).isEqualTo(idle[0] && idle[1]);
    }
  }

  @Test
  void anIdleInputNoLongerHoldsTheCombinationBack() {
    InputWatermarks combination = new InputWatermarks(2);
    assertThat(combination.updateWatermark(0, 10)).isFalse();
    assertThat(combination.updateIdle(1, true)).isTrue();
    assertThat(combination.combined()).isEqualTo(10);
  }
}
