package io.spate.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.windowing.assigners.DynamicEventTimeSessionWindows;
import io.spate.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.TimeEvictor;
import io.spate.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.spate.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.ProcessingTimeTrigger;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The members of Flink's assigners, triggers and evictors that report or build what they are. */
class FlinkWindowingShapesTest {

  private static final WindowAssigner.WindowAssignerContext AT_500 = new WindowAssigner.WindowAssignerContext() {
    @Override
    public long getCurrentProcessingTime() {
      return 500;
    }
  };

  @Test
  void theEnvironmentFormOfGetDefaultTriggerGivesTheSameTrigger() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<WindowAssigner<?, ?>> assigners = List.of(
        SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)),
        TumblingProcessingTimeWindows.of(Duration.ofSeconds(1)),
        EventTimeSessionWindows.withGap(Duration.ofSeconds(1)),
        GlobalWindows.create(),
        GlobalWindows.createWithEndOfStreamTrigger());
    for (WindowAssigner<?, ?> assigner : assigners) {
      assertThat(assigner.getDefaultTrigger(env)).as("%s", assigner)
          .hasSameClassAs(assigner.getDefaultTrigger());
    }
    assertThat(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)).getDefaultTrigger(env))
        .isInstanceOf(EventTimeTrigger.class);
    assertThat(TumblingProcessingTimeWindows.of(Duration.ofSeconds(1)).getDefaultTrigger(env))
        .isInstanceOf(ProcessingTimeTrigger.class);
  }

  @Test
  void theTimeTriggersAreTypedOnTimeWindows() {
    EventTimeTrigger eventTime = EventTimeTrigger.create();
    ProcessingTimeTrigger processingTime = ProcessingTimeTrigger.create();
    assertThat(eventTime.canMerge()).isTrue();
    assertThat(processingTime.canMerge()).isTrue();
    assertThat(eventTime).hasToString("EventTimeTrigger()");
  }

  @Test
  void globalWindowsTellTheirTriggerApart() {
    assertThat(GlobalWindows.create().getDefaultTrigger()).isInstanceOf(GlobalWindows.NeverTrigger.class);
    assertThat(GlobalWindows.createWithEndOfStreamTrigger().getDefaultTrigger())
        .isInstanceOf(GlobalWindows.EndOfStreamTrigger.class);
    assertThat(GlobalWindows.createWithEndOfStreamTrigger().assignWindows("x", 0, AT_500))
        .containsExactly(GlobalWindow.get());
  }

  @Test
  void theDynamicSessionClassesBuildThemselvesAsTheirParentsDo() {
    DynamicEventTimeSessionWindows<String> eventTime =
        DynamicEventTimeSessionWindows.withDynamicGap(word -> word.length() * 10L);
    DynamicProcessingTimeSessionWindows<String> processingTime =
        DynamicProcessingTimeSessionWindows.withDynamicGap(word -> word.length() * 10L);
    assertThat(eventTime.assignWindows("abc", 1_000, AT_500)).containsExactly(new TimeWindow(1_000, 1_030));
    assertThat(processingTime.assignWindows("abcd", 1_000, AT_500)).containsExactly(new TimeWindow(500, 540));
    assertThat(eventTime.isEventTime()).isTrue();
    assertThat(processingTime.isEventTime()).isFalse();
  }

  @Test
  void triggersAndEvictorsReportTheirSettingsInMilliseconds() {
    assertThat(ContinuousEventTimeTrigger.of(Duration.ofSeconds(2)).getInterval()).isEqualTo(2_000);
    assertThat(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(250)).getInterval()).isEqualTo(250);
    assertThat(TimeEvictor.of(Duration.ofMinutes(1)).getWindowSize()).isEqualTo(60_000);
    assertThat(new TimeEvictor<>(42, true).getWindowSize()).isEqualTo(42);
  }
}
