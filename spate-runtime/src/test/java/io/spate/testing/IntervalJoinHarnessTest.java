package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.runtime.operators.IntervalJoinOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval join operator through the two-input harness: bounds, order, lateness, cleanup. */
class IntervalJoinHarnessTest {

  /** A record of either side: key, timestamp, and a name to tell records apart. */
  record Ev(String key, long ts, String name) {}

  /** Emits "left+right" with both timestamps as the context reports them. */
  static final class PairJoin extends ProcessJoinFunction<Ev, Ev, String> {
    @Override
    public void processElement(Ev left, Ev right, Context ctx, Collector<String> out) {
      out.collect(left.name() + "+" + right.name() + "@" + ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp()
          + "->" + ctx.getTimestamp());
    }
  }

  static final OutputTag<Ev> LATE_LEFT = new OutputTag<>("late-left") {};
  static final OutputTag<Ev> LATE_RIGHT = new OutputTag<>("late-right") {};

  static TwoInputTestHarness<Ev, Ev, String> join(long lower, boolean lowerIncl, long upper, boolean upperIncl) {
    return TestHarnesses.forIntervalJoin(new PairJoin(), Ev::key, Ev::key, Duration.ofMillis(lower), lowerIncl,
        Duration.ofMillis(upper), upperIncl, LATE_LEFT, LATE_RIGHT);
  }

  static TwoInputTestHarness<Ev, Ev, String> feedRightsAroundLeftAt10(TwoInputTestHarness<Ev, Ev, String> h)
      throws Exception {
    h.processElement1(new Ev("k", 10, "L"), 10);
    for (long t = 6; t <= 15; t++) {
      h.processElement2(new Ev("k", t, "R" + t), t);
    }
    h.processElement2(new Ev("other", 10, "X"), 10);
    return h;
  }

  @Test
  void inclusiveBoundsJoinBothEnds() throws Exception {
    var h = feedRightsAroundLeftAt10(join(-2, true, 3, true));
    assertThat(h.extractOutputValues()).containsExactly(
        "L+R8@10/8->10", "L+R9@10/9->10", "L+R10@10/10->10", "L+R11@10/11->11", "L+R12@10/12->12",
        "L+R13@10/13->13");
    assertThat(h.getOutput()).extracting(StreamRecord::timestamp).containsExactly(10L, 10L, 10L, 11L, 12L, 13L);
  }

  @Test
  void exclusiveBoundsLeaveOutTheEnds() throws Exception {
    assertThat(feedRightsAroundLeftAt10(join(-2, false, 3, true)).extractOutputValues())
        .extracting(s -> s.substring(0, s.indexOf('@')))
        .containsExactly("L+R9", "L+R10", "L+R11", "L+R12", "L+R13");
    assertThat(feedRightsAroundLeftAt10(join(-2, true, 3, false)).extractOutputValues())
        .extracting(s -> s.substring(0, s.indexOf('@')))
        .containsExactly("L+R8", "L+R9", "L+R10", "L+R11", "L+R12");
    assertThat(feedRightsAroundLeftAt10(join(-2, false, 3, false)).extractOutputValues())
        .extracting(s -> s.substring(0, s.indexOf('@')))
        .containsExactly("L+R9", "L+R10", "L+R11", "L+R12");
  }

  @Test
  void emptyIntervalOfExclusiveEqualBoundsJoinsNothing() throws Exception {
    assertThat(feedRightsAroundLeftAt10(join(0, false, 0, false)).extractOutputValues()).isEmpty();
    assertThat(feedRightsAroundLeftAt10(join(0, true, 0, true)).extractOutputValues())
        .containsExactly("L+R10@10/10->10");
  }

  @Test
  void rightRecordsArrivingFirstJoinLaterLeftRecords() throws Exception {
    var h = join(-2, true, 3, true);
    h.processElement2(new Ev("k", 12, "R12"), 12);
    h.processElement2(new Ev("k", 7, "R7"), 7);
    h.processElement1(new Ev("k", 9, "L9"), 9);
    h.processElement1(new Ev("k", 5, "L5"), 5);
    assertThat(h.extractOutputValues()).containsExactlyInAnyOrder(
        "L9+R12@9/12->12", "L9+R7@9/7->9", "L5+R7@5/7->7");
  }

  @Test
  void lateRecordsGoToTheSideOutputsAndDoNotJoin() throws Exception {
    var h = join(-5, true, 5, true);
    h.processElement1(new Ev("k", 100, "L100"), 100);
    h.processWatermark(100);
    h.processElement2(new Ev("k", 99, "R99"), 99);     // behind the watermark: late
    h.processElement2(new Ev("k", 100, "R100"), 100);  // at the watermark: not late
    h.processElement1(new Ev("k", 98, "L98"), 98);
    assertThat(h.extractOutputValues()).containsExactly("L100+R100@100/100->100");
    assertThat(h.getSideOutput(LATE_RIGHT)).containsExactly(new Ev("k", 99, "R99"));
    assertThat(h.getSideOutput(LATE_LEFT)).containsExactly(new Ev("k", 98, "L98"));
  }

  @Test
  void lateRecordsAreDroppedWithoutSideOutputs() throws Exception {
    var h = TestHarnesses.forIntervalJoin(new PairJoin(), Ev::key, Ev::key, Duration.ofMillis(-5), true,
        Duration.ofMillis(5), true, null, null);
    h.processElement1(new Ev("k", 100, "L100"), 100);
    h.processWatermark(101);
    h.processElement2(new Ev("k", 100, "R100"), 100);
    assertThat(h.extractOutputValues()).isEmpty();
    assertThat(h.getSideOutput(LATE_RIGHT)).isEmpty();
  }

  @Test
  void buffersAreClearedOnceTheWatermarkPassesWhatCanStillJoin() throws Exception {
    var h = join(-2, true, 3, true);
    IntervalJoinOperator<?, ?, ?, ?> operator = (IntervalJoinOperator<?, ?, ?, ?>) h.getOperator();
    h.processElement1(new Ev("a", 10, "La"), 10);
    h.processElement2(new Ev("b", 10, "Rb"), 10);
    h.processWatermark(11);
    assertThat(operator.bufferedKeysAndTimers()).isGreaterThan(0);
    h.processElement2(new Ev("a", 13, "Ra13"), 13);   // left at 10 still joins right at 13
    assertThat(h.extractOutputValues()).containsExactly("La+Ra13@10/13->13");
    h.processWatermark(16);                            // right at 13 is kept until 13 + 2
    assertThat(operator.bufferedKeysAndTimers()).isZero();
    assertThat(h.getWatermarks()).containsExactly(11L, 16L);
  }

  @Test
  void recordsWithoutTimestampsFailClearly() {
    var h = join(-1, true, 1, true);
    assertThatThrownBy(() -> h.processElement1(new Ev("k", 0, "L")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("left input has no timestamp")
        .hasMessageContaining("assignTimestampsAndWatermarks");
  }

  @Test
  void sideOutputsFromTheJoinFunctionCarryTheResultTimestamp() throws Exception {
    OutputTag<String> tag = new OutputTag<>("info") {};
    var h = TestHarnesses.forIntervalJoin(new ProcessJoinFunction<Ev, Ev, String>() {
      @Override
      public void processElement(Ev left, Ev right, Context ctx, Collector<String> out) {
        ctx.output(tag, left.name() + right.name());
      }
    }, Ev::key, Ev::key, Duration.ZERO, true, Duration.ofMillis(10), true, null, null);
    h.processElement1(new Ev("k", 1, "L"), 1);
    h.processElement2(new Ev("k", 4, "R"), 4);
    assertThat(h.getSideOutput(tag)).containsExactly("LR");
    List<String> none = new ArrayList<>(h.extractOutputValues());
    assertThat(none).isEmpty();
  }
}
