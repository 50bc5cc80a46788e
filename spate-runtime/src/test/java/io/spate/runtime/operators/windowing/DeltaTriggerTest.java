package io.spate.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.triggers.DeltaTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import org.junit.jupiter.api.Test;

/** {@link DeltaTrigger} on the window operator: fires when a record is far enough from the last that fired. */
class DeltaTriggerTest {

  /** A keyed reading. */
  public record Reading(String sensor, long value) {}

  private static KeyedStream<Reading, String> keyed() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    return env.fromElements(new Reading("x", 0)).keyBy(Reading::sensor);
  }

  private static Reading sum(Reading a, Reading b) {
    return new Reading(a.sensor(), a.value() + b.value());
  }

  private static void feed(OneInputTestHarness<Reading, Reading> h) throws Exception {
    long t = 0;
    for (long value : new long[] {1, 5, 12, 13, 30}) {
      h.processElement(new Reading("a", value), t++);
      h.processElement(new Reading("b", value * 100), t++);
    }
  }

  @Test
  void firesWhenTheDeltaToTheLastFiringRecordExceedsTheThreshold() throws Exception {
    DataStream<Reading> result = keyed().window(GlobalWindows.create())
        .trigger(DeltaTrigger.of(10.0, (Reading older, Reading newer) -> newer.value() - older.value(),
            Types.RECORD(Reading.class).createSerializer()))
        .reduce(DeltaTriggerTest::sum);
    try (var h = TestHarnesses.<Reading, Reading>forWindow(result)) {
      feed(h);
      // a: 1 is the reference; 12 is 11 away (fires 1+5+12), 30 is 18 away from 12 (fires all five).
      // b: every step is more than 10 away, so every record after the first fires.
      assertThat(h.extractOutputValues()).containsExactly(
          new Reading("b", 600), new Reading("a", 18), new Reading("b", 1_800), new Reading("b", 3_100),
          new Reading("a", 61), new Reading("b", 6_100));
    }
  }

  @Test
  void purgingTheDeltaTriggerStartsEachWindowAfresh() throws Exception {
    DataStream<Reading> result = keyed().window(GlobalWindows.create())
        .trigger(PurgingTrigger.of(DeltaTrigger.of(10.0,
            (Reading older, Reading newer) -> newer.value() - older.value(), Types.RECORD(Reading.class))))
        .reduce(DeltaTriggerTest::sum);
    try (var h = TestHarnesses.<Reading, Reading>forWindow(result)) {
      feed(h);
      assertThat(h.extractOutputValues()).containsExactly(
          new Reading("b", 600), new Reading("a", 18), new Reading("b", 1_200), new Reading("b", 1_300),
          new Reading("a", 43), new Reading("b", 3_000));
    }
  }
}
