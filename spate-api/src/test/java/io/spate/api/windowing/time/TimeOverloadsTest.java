package io.spate.api.windowing.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.RestartStrategies;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.TimeEvictor;
import io.spate.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.spate.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Everything that takes a {@link Time}, as Flink programs call it, is the same as its {@link
 * Duration} twin, and a null {@code Time} gets the twin's message.
 */
@SuppressWarnings("deprecation")
class TimeOverloadsTest {

  private static final WindowAssigner.WindowAssignerContext AT_12345 = new WindowAssigner.WindowAssignerContext() {
    @Override
    public long getCurrentProcessingTime() {
      return 12_345L;
    }
  };

  @Test
  void windowAssignersTakeTimes() {
    assertThat(TumblingEventTimeWindows.of(Time.seconds(5)).assignWindows("x", 12_345L, AT_12345))
        .containsExactly(new TimeWindow(10_000, 15_000));
    assertThat(TumblingEventTimeWindows.of(Time.seconds(5), Time.seconds(1)).assignWindows("x", 12_345L, AT_12345))
        .containsExactly(new TimeWindow(11_000, 16_000));
    assertThat(TumblingProcessingTimeWindows.of(Time.seconds(5), Time.seconds(1)).assignWindows("x", 0, AT_12345))
        .containsExactly(new TimeWindow(11_000, 16_000));
    assertThat(TumblingProcessingTimeWindows.of(Time.seconds(5)))
        .hasToString(TumblingProcessingTimeWindows.of(Duration.ofSeconds(5)).toString());
    assertThat(SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5)).assignWindows("x", 12_345L, AT_12345))
        .containsExactlyInAnyOrder(new TimeWindow(5_000, 15_000), new TimeWindow(10_000, 20_000));
    assertThat(SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5), Time.seconds(1)))
        .hasToString(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(1))
            .toString());
    assertThat(SlidingProcessingTimeWindows.of(Time.seconds(10), Time.seconds(5)).assignWindows("x", 0, AT_12345))
        .containsExactlyInAnyOrder(new TimeWindow(5_000, 15_000), new TimeWindow(10_000, 20_000));
    assertThat(SlidingProcessingTimeWindows.of(Time.seconds(10), Time.seconds(5), Time.seconds(2)))
        .hasToString(SlidingProcessingTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5),
            Duration.ofSeconds(2)).toString());
    assertThat(EventTimeSessionWindows.withGap(Time.minutes(1)).assignWindows("x", 12_345L, AT_12345))
        .containsExactly(new TimeWindow(12_345, 72_345));
    assertThat(ProcessingTimeSessionWindows.withGap(Time.minutes(1)).assignWindows("x", 0, AT_12345))
        .containsExactly(new TimeWindow(12_345, 72_345));
  }

  @Test
  void aNullTimeGetsTheMessageOfANullDuration() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of((Time) null))
        .hasMessage("TumblingEventTimeWindows: the window size must not be null.");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(Time.seconds(1), (Time) null))
        .hasMessageContaining("SlidingEventTimeWindows: the slide must not be null.");
    assertThatThrownBy(() -> TimeEvictor.of((Time) null)).hasMessageContaining("null");
    assertThatThrownBy(() -> ContinuousEventTimeTrigger.of((Time) null)).hasMessageContaining("null");
    assertThatThrownBy(() -> StateTtlConfig.newBuilder((Time) null))
        .hasMessage("The state time to live must not be null.");
  }

  @Test
  void aNegativeTimeIsRejectedAsANegativeDurationIs() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(Time.seconds(-5)))
        .hasMessage("TumblingEventTimeWindows: the window size must be positive, but was -5000 ms.");
    assertThatThrownBy(() -> TimeEvictor.of(Time.seconds(-1)))
        .hasMessage("TimeEvictor: the size must not be negative, but was -1000 ms.");
  }

  @Test
  void evictorsTriggersTtlAndRestartStrategiesTakeTimes() {
    assertThat(TimeEvictor.of(Time.seconds(3))).hasToString(TimeEvictor.of(Duration.ofSeconds(3)).toString());
    assertThat(TimeEvictor.of(Time.seconds(3), true)).hasToString(TimeEvictor.of(Duration.ofSeconds(3), true).toString());
    assertThat(new TimeEvictor<>(3_000L)).hasToString(TimeEvictor.of(Duration.ofSeconds(3)).toString());
    assertThat(new TimeEvictor<>(3_000L, true)).hasToString(TimeEvictor.of(Duration.ofSeconds(3), true).toString());
    assertThatThrownBy(() -> new TimeEvictor<>(-1L)).hasMessage("TimeEvictor: the size must not be negative, but was -1 ms.");
    assertThat(new StateTtlConfig.Builder(Time.minutes(2)).build().getTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(ContinuousEventTimeTrigger.of(Time.seconds(2)))
        .hasToString(ContinuousEventTimeTrigger.of(Duration.ofSeconds(2)).toString());
    assertThat(ContinuousProcessingTimeTrigger.of(Time.seconds(2)))
        .hasToString(ContinuousProcessingTimeTrigger.of(Duration.ofSeconds(2)).toString());
    assertThat(StateTtlConfig.newBuilder(Time.minutes(5)).build().getTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(StateTtlConfig.newBuilder(Time.minutes(5)).setTtl(Time.seconds(9)).build().getTtl())
        .isEqualTo(Duration.ofSeconds(9));
    assertThat(StateTtlConfig.newBuilder(Time.minutes(5)).setTimeToLive(Duration.ofSeconds(7)).build().getTimeToLive())
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(RestartStrategies.fixedDelayRestart(3, Time.seconds(10)))
        .isEqualTo(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(10)));
    assertThat(RestartStrategies.failureRateRestart(3, Time.minutes(5), Time.seconds(10)))
        .isEqualTo(RestartStrategies.failureRateRestart(3, Duration.ofMinutes(5), Duration.ofSeconds(10)));
    assertThat(RestartStrategies.exponentialDelayRestart(Time.seconds(1), Time.minutes(1), 2.0, Time.hours(1), 0.1))
        .isEqualTo(RestartStrategies.exponentialDelayRestart(Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0,
            Duration.ofHours(1), 0.1));
  }
}
