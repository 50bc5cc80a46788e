package io.spate.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.TimeCharacteristic;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.windowing.time.Time;
import io.spate.testing.TestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * {@code timeWindow} and {@code timeWindowAll}, which Flink 1.20 still has: event-time windows, or
 * processing-time ones when the environment's time characteristic says so.
 */
@SuppressWarnings("deprecation")
class TimeWindowShortcutsTest {

  /** A keyed reading. */
  public record Reading(String sensor, long value) {}

  private static Reading sum(Reading a, Reading b) {
    return new Reading(a.sensor(), a.value() + b.value());
  }

  private static DataStream<Reading> readings(StreamExecutionEnvironment env) {
    return env.fromElements(new Reading("x", 0));
  }

  @Test
  void timeWindowIsTumblingOrSlidingInEventTime() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Reading> tumbling = readings(env).keyBy(Reading::sensor).timeWindow(Time.milliseconds(10))
        .reduce(TimeWindowShortcutsTest::sum);
    try (var h = TestHarnesses.<Reading, Reading>forWindow(tumbling)) {
      h.processElement(new Reading("a", 1), 1).processElement(new Reading("a", 2), 9)
          .processElement(new Reading("a", 4), 10).processWatermark(9);
      assertThat(h.extractOutputValues()).containsExactly(new Reading("a", 3));
    }
    DataStream<Reading> sliding = readings(env).keyBy(Reading::sensor)
        .timeWindow(Time.milliseconds(10), Time.milliseconds(5)).reduce(TimeWindowShortcutsTest::sum);
    try (var h = TestHarnesses.<Reading, Reading>forWindow(sliding)) {
      h.processElement(new Reading("a", 1), 1).processElement(new Reading("a", 2), 7).processWatermark(14);
      // [-5, 5) holds 1, [0, 10) holds 1 and 2, [5, 15) holds 2.
      assertThat(h.extractOutputValues()).containsExactly(
          new Reading("a", 1), new Reading("a", 3), new Reading("a", 2));
    }
  }

  @Test
  void timeWindowAllIsInProcessingTimeWhenTheCharacteristicSaysSo() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setStreamTimeCharacteristic(TimeCharacteristic.ProcessingTime);
    DataStream<Reading> all = readings(env).timeWindowAll(Time.milliseconds(10))
        .reduce(TimeWindowShortcutsTest::sum);
    try (var h = TestHarnesses.<Reading, Reading>forWindow(all)) {
      h.setProcessingTime(3);
      h.processElement(new Reading("a", 1), 500).processElement(new Reading("b", 2), 900);
      h.processWatermark(10_000);
      assertThat(h.extractOutputValues()).as("watermarks do not fire processing-time windows").isEmpty();
      h.setProcessingTime(9);
      assertThat(h.extractOutputValues()).containsExactly(new Reading("a", 3));
    }
  }
}
