package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.RichReduceFunction;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.evictors.TimeEvictor;
import io.spate.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.triggers.TriggerResult;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad window arguments fail when the program is built, naming the assigner or operation and the value. */
class WindowValidationTest {

  private static KeyedStream<Long, Long> keyed() {
    return StreamExecutionEnvironment.createLocalEnvironment(1).fromElements(1L, 2L).keyBy(v -> v % 2);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void windowSizesMustBePositive() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TumblingEventTimeWindows").hasMessageContaining("0 ms");
    assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(ms(-5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TumblingProcessingTimeWindows").hasMessageContaining("-5 ms");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(-1), ms(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SlidingEventTimeWindows").hasMessageContaining("size");
    assertThatThrownBy(() -> SlidingProcessingTimeWindows.of(ms(10), ms(0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SlidingProcessingTimeWindows").hasMessageContaining("slide");
  }

  @Test
  void slidesMustNotExceedTheSizeAndOffsetsMustBeSmallerThanTheSizeOrSlide() {
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10), ms(20))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("slide (20 ms)").hasMessageContaining("size (10 ms)");
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(10), ms(10))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset").hasMessageContaining("10 ms");
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(10), ms(-11))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-11");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10), ms(5), ms(5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("|offset| < slide");
  }

  @Test
  void sessionGapsMustBePositive() {
    assertThatThrownBy(() -> EventTimeSessionWindows.withGap(ms(0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EventTimeSessionWindows").hasMessageContaining("session gap");
    assertThatThrownBy(() -> ProcessingTimeSessionWindows.withGap(ms(-3))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ProcessingTimeSessionWindows").hasMessageContaining("-3 ms");
    assertThatThrownBy(() -> EventTimeSessionWindows.withDynamicGap(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void latenessMustBeNonNegativeAndOnlyForEventTime() {
    assertThatThrownBy(() -> keyed().window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative")
        .hasMessageContaining("-1 ms").hasMessageContaining("TumblingEventTimeWindows");
    assertThatThrownBy(() -> keyed().window(TumblingProcessingTimeWindows.of(ms(10))).allowedLateness(ms(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event-time windows only")
        .hasMessageContaining("TumblingProcessingTimeWindows");
  }

  @Test
  void countsMustBePositive() {
    assertThatThrownBy(() -> keyed().countWindow(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countWindow").hasMessageContaining("size").hasMessageContaining("0");
    assertThatThrownBy(() -> keyed().countWindow(5, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countWindow").hasMessageContaining("slide");
    assertThatThrownBy(() -> StreamExecutionEnvironment.createLocalEnvironment(1).fromElements(1L).countWindowAll(-2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("countWindowAll");
    assertThatThrownBy(() -> CountTrigger.of(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CountTrigger");
    assertThatThrownBy(() -> CountEvictor.of(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CountEvictor");
    assertThatThrownBy(() -> TimeEvictor.of(ms(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TimeEvictor");
    assertThatThrownBy(() -> ContinuousEventTimeTrigger.of(ms(0))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ContinuousEventTimeTrigger");
  }

  @Test
  void windowReduceFunctionsMustNotBeRichAndMergingNeedsAMergingTrigger() {
    assertThatThrownBy(() -> keyed().window(TumblingEventTimeWindows.of(ms(10))).reduce(new RichReduceFunction<Long>() {
      @Override
      public Long reduce(Long a, Long b) {
        return a + b;
      }
    })).isInstanceOf(InvalidProgramException.class).hasMessageContaining("rich");

    Trigger<Object, TimeWindow> nonMerging = new Trigger<>() {
      @Override
      public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
      }

      @Override
      public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
      }

      @Override
      public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
      }

      @Override
      public void clear(TimeWindow window, TriggerContext ctx) {}
    };
    assertThatThrownBy(() -> keyed().window(EventTimeSessionWindows.withGap(ms(10))).trigger(nonMerging))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("merging");
  }

  @Test
  void watermarkAlignmentOutsideASourceIsRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    var strategy = io.spate.api.eventtime.WatermarkStrategy.<Integer>forMonotonousTimestamps()
        .withWatermarkAlignment("g", Duration.ofSeconds(1));
    assertThatThrownBy(() -> env.fromData(1, 2).assignTimestampsAndWatermarks(strategy))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("fromSource");
  }
}
