package io.spate.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.ProcessingTimeoutTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.testing.TestHarnesses;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ProcessingTimeoutTrigger} on the window operator: a count trigger that also fires after a timeout. */
class ProcessingTimeoutTriggerTest {

  /** A keyed reading. */
  public record Reading(String sensor, long value) {}

  private static DataStream<Reading> counted(Trigger<Object, GlobalWindow> trigger) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KeyedStream<Reading, String> keyed = env.fromElements(new Reading("x", 0)).keyBy(Reading::sensor);
    return keyed.window(GlobalWindows.create()).trigger(trigger)
        .reduce((a, b) -> new Reading(a.sensor(), a.value() + b.value()));
  }

  @Test
  void firesAfterTheTimeoutFromTheFirstRecordAndStartsCountingAgain() throws Exception {
    DataStream<Reading> result = counted(ProcessingTimeoutTrigger.of(CountTrigger.of(3), Duration.ofMillis(100)));
    try (var h = TestHarnesses.<Reading, Reading>forWindow(result)) {
      h.setProcessingTime(0);
      h.processElement(new Reading("a", 1), 0);
      h.setProcessingTime(50);
      h.processElement(new Reading("a", 2), 0);
      h.setProcessingTime(99);
      assertThat(h.extractOutputValues()).isEmpty();
      h.setProcessingTime(100);
      assertThat(h.extractOutputValues()).as("the timeout fires the window, not purged")
          .containsExactly(new Reading("a", 3));
      h.clearOutput();
      h.setProcessingTime(150);
      h.processElement(new Reading("a", 4), 0).processElement(new Reading("a", 5), 0);
      h.processElement(new Reading("a", 6), 0);
      assertThat(h.extractOutputValues()).as("the count started again after the timeout cleared it")
          .containsExactly(new Reading("a", 18));
      h.clearOutput();
      h.setProcessingTime(10_000);
      assertThat(h.extractOutputValues()).as("the count's firing cancelled the timeout").isEmpty();
    }
  }

  @Test
  void aRecordCanResetTheTimeoutAndOnlyTheWrappedTriggersAnswerPurges() throws Exception {
    DataStream<Reading> result = counted(ProcessingTimeoutTrigger.of(
        PurgingTrigger.of(CountTrigger.<GlobalWindow>of(3)), Duration.ofMillis(100), true, true));
    try (var h = TestHarnesses.<Reading, Reading>forWindow(result)) {
      h.setProcessingTime(0);
      h.processElement(new Reading("a", 1), 0);
      h.setProcessingTime(80);
      h.processElement(new Reading("a", 2), 0);
      h.setProcessingTime(150);
      assertThat(h.extractOutputValues()).as("the second record moved the timeout to 180").isEmpty();
      h.setProcessingTime(180);
      assertThat(h.extractOutputValues()).containsExactly(new Reading("a", 3));
      h.clearOutput();
      // The purging trigger answers a timer with CONTINUE, so the timeout fired without purging:
      // the count (cleared by the timeout) fires and purges everything after three more records.
      h.processElement(new Reading("a", 10), 0).processElement(new Reading("a", 20), 0);
      h.processElement(new Reading("a", 30), 0);
      assertThat(h.extractOutputValues()).containsExactly(new Reading("a", 63));
      h.clearOutput();
      h.processElement(new Reading("a", 5), 0);
      h.setProcessingTime(280);
      assertThat(h.extractOutputValues()).containsExactly(new Reading("a", 5));
    }
  }

  @Test
  void rejectsAMissingTriggerOrANonPositiveTimeout() {
    assertThatThrownBy(() -> ProcessingTimeoutTrigger.of(null, Duration.ofMillis(1)))
        .hasMessage("ProcessingTimeoutTrigger: the nested trigger must not be null.");
    assertThatThrownBy(() -> ProcessingTimeoutTrigger.of(CountTrigger.of(1), Duration.ZERO))
        .hasMessage("ProcessingTimeoutTrigger: the timeout must be at least 1 ms, but was 0 ms.");
  }
}
