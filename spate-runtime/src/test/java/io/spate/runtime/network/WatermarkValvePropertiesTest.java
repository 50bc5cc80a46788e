package io.spate.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.runtime.ShrinkingLists;
import io.spate.api.operators.WatermarkStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The watermark valve against a reference model, over random sequences of channel events. */
class WatermarkValvePropertiesTest {

  /** One thing that happens on an input channel. */
  interface Event {}

  record Mark(int channel, long watermark) implements Event {}

  record Idle(int channel) implements Event {}

  record Active(int channel) implements Event {}

  record End(int channel) implements Event {}

  /** What the valve emitted, in order: a Long watermark or a WatermarkStatus. */
  static final class Recorder implements WatermarkValve.Downstream {
    final List<Object> emitted = new ArrayList<>();

    @Override
    public void emitWatermark(long watermark) {
      emitted.add(watermark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
      emitted.add(status);
    }
  }

  /**
   * The reference: the state of each channel, and what the valve must emit after each event. A
   * resumed channel counts for the minimum only while its watermark is at or above the output.
   */
  static final class Model {
    final long[] watermark;
    final boolean[] idle;
    final boolean[] ended;
    long output = Long.MIN_VALUE;
    boolean outputIdle;

    Model(int channels) {
      watermark = new long[channels];
      Arrays.fill(watermark, Long.MIN_VALUE);
      idle = new boolean[channels];
      ended = new boolean[channels];
    }

    /** Applies {@code event} and returns what must be emitted. */
    List<Object> apply(Event event) {
      List<Object> expected = new ArrayList<>();
      boolean removal = false;
      if (event instanceof Mark m) {
        if (!ended[m.channel()]) {
          watermark[m.channel()] = Math.max(watermark[m.channel()], m.watermark());
        }
      } else if (event instanceof Idle i) {
        removal = !ended[i.channel()] && !idle[i.channel()];
        if (!ended[i.channel()]) {
          idle[i.channel()] = true;
        }
      } else if (event instanceof Active a) {
        if (!ended[a.channel()]) {
          idle[a.channel()] = false;
        }
      } else if (event instanceof End e) {
        removal = !ended[e.channel()];
        ended[e.channel()] = true;
      }
      boolean anyActive = false;
      boolean anyRemaining = false;
      long minCaughtUp = Long.MAX_VALUE;
      long maxRemaining = Long.MIN_VALUE;
      for (int c = 0; c < watermark.length; c++) {
        if (ended[c]) {
          continue;
        }
        anyRemaining = true;
        maxRemaining = Math.max(maxRemaining, watermark[c]);
        if (!idle[c]) {
          anyActive = true;
          if (watermark[c] >= output) {
            minCaughtUp = Math.min(minCaughtUp, watermark[c]);
          }
        }
      }
      if (anyActive) {
        if (outputIdle) {
          outputIdle = false;
          expected.add(WatermarkStatus.ACTIVE);
        }
        if (minCaughtUp != Long.MAX_VALUE && minCaughtUp > output) {
          output = minCaughtUp;
          expected.add(output);
        }
      } else if (anyRemaining && removal) {
        // Every remaining channel is idle: the highest of their watermarks is flushed.
        if (maxRemaining > output) {
          output = maxRemaining;
          expected.add(output);
        }
        if (!outputIdle) {
          outputIdle = true;
          expected.add(WatermarkStatus.IDLE);
        }
      }
      return expected;
    }
  }

  private static Gen<List<Event>> events() {
    Gen<Integer> channel = integers().between(0, 4);
    Gen<Event> mark = channel.zip(longs().between(0, 60), (c, t) -> new Mark(c, t));
    Gen<Event> idle = channel.map(c -> new Idle(c));
    Gen<Event> active = channel.map(c -> new Active(c));
    Gen<Event> end = channel.map(c -> new End(c));
    return ShrinkingLists.of(Generate.frequency(Pair.of(8, mark), Pair.of(2, idle), Pair.of(2, active), Pair.of(1, end)), 0, 60);
  }

  @Test
  void valveEmitsWhatTheModelPrescribes() {
    qt().withExamples(2000).forAll(integers().between(1, 5), events())
        .checkAssert(WatermarkValvePropertiesTest::valveEmitsWhatTheModelPrescribes);
  }

  private static void valveEmitsWhatTheModelPrescribes(int channels, List<Event> events) {
    Recorder recorder = new Recorder();
    WatermarkValve valve = new WatermarkValve(channels, recorder);
    Model model = new Model(channels);
    for (Event event : events) {
      Event onValve = clampChannel(event, channels);
      recorder.emitted.clear();
      apply(valve, onValve);
      assertThat(recorder.emitted).as("after %s", onValve).isEqualTo(model.apply(onValve));
      assertThat(valve.isIdle()).isEqualTo(model.outputIdle);
    }
  }

  @Test
  void outputNeverDecreasesAndIsIdleExactlyWhenEveryRemainingChannelIs() {
    qt().withExamples(1000).forAll(integers().between(1, 5), events())
        .checkAssert(WatermarkValvePropertiesTest::outputNeverDecreasesAndIsIdleExactlyWhenEveryRemainingChannelIs);
  }

  private static void outputNeverDecreasesAndIsIdleExactlyWhenEveryRemainingChannelIs(int channels,
      List<Event> events) {
    Recorder recorder = new Recorder();
    WatermarkValve valve = new WatermarkValve(channels, recorder);
    boolean[] idle = new boolean[channels];
    boolean[] ended = new boolean[channels];
    for (Event event : events) {
      Event e = clampChannel(event, channels);
      apply(valve, e);
      if (e instanceof Idle i) {
        idle[i.channel()] |= !ended[i.channel()];
      } else if (e instanceof Active a) {
        idle[a.channel()] = false;
      } else if (e instanceof End end) {
        ended[end.channel()] = true;
      }
      boolean anyRemaining = false;
      boolean allRemainingIdle = true;
      for (int c = 0; c < channels; c++) {
        if (!ended[c]) {
          anyRemaining = true;
          allRemainingIdle &= idle[c];
        }
      }
      if (anyRemaining) {
        assertThat(valve.isIdle()).as("after %s", e).isEqualTo(allRemainingIdle);
      }
    }
    long previous = Long.MIN_VALUE;
    for (Object o : recorder.emitted) {
      if (o instanceof Long watermark) {
        assertThat(watermark).isGreaterThan(previous);
        previous = watermark;
      }
    }
    assertThat(valve.currentWatermark()).isEqualTo(previous);
  }

  @Test
  void withoutIdlenessTheOutputIsTheMinimumOverChannelsNotEnded() {
    qt().withExamples(1000).forAll(integers().between(1, 5), events())
        .checkAssert(WatermarkValvePropertiesTest::withoutIdlenessTheOutputIsTheMinimumOverChannelsNotEnded);
  }

  private static void withoutIdlenessTheOutputIsTheMinimumOverChannelsNotEnded(int channels, List<Event> events) {
    Recorder recorder = new Recorder();
    WatermarkValve valve = new WatermarkValve(channels, recorder);
    long[] watermark = new long[channels];
    Arrays.fill(watermark, Long.MIN_VALUE);
    boolean[] ended = new boolean[channels];
    for (Event event : events) {
      Event e = clampChannel(event, channels);
      if (e instanceof Idle || e instanceof Active) {
        continue;
      }
      apply(valve, e);
      if (e instanceof Mark m && !ended[m.channel()]) {
        watermark[m.channel()] = Math.max(watermark[m.channel()], m.watermark());
      } else if (e instanceof End end) {
        ended[end.channel()] = true;
      }
      long min = Long.MAX_VALUE;
      for (int c = 0; c < channels; c++) {
        if (!ended[c]) {
          min = Math.min(min, watermark[c]);
        }
      }
      if (min != Long.MAX_VALUE) {
        assertThat(valve.currentWatermark()).isEqualTo(min);
      }
    }
    assertThat(recorder.emitted).allMatch(o -> o instanceof Long);
  }

  @Test
  void aResumedChannelRejoinsOnlyOnceItHasCaughtUp() {
    Recorder recorder = new Recorder();
    WatermarkValve valve = new WatermarkValve(2, recorder);
    valve.onWatermark(0, 5);
    valve.onWatermark(1, 7);
    valve.onStatus(0, WatermarkStatus.IDLE);      // 1 alone: 7
    valve.onStatus(0, WatermarkStatus.ACTIVE);    // 0 is at 5, behind 7: does not count yet
    valve.onWatermark(1, 20);                     // so 1 advances the output alone
    valve.onWatermark(0, 10);                     // still behind 20
    valve.onWatermark(0, 25);                     // caught up: min(25, 20) = 20, no change
    valve.onWatermark(1, 30);                     // now both count: min = 25
    assertThat(recorder.emitted).containsExactly(5L, 7L, 20L, 25L);
  }

  @Test
  void anEndedChannelsFinalWatermarkDoesNotMakeAnIdleChannelsDataLate() {
    Recorder recorder = new Recorder();
    WatermarkValve valve = new WatermarkValve(2, recorder);
    valve.onWatermark(1, 7);
    valve.onWatermark(0, Long.MAX_VALUE);
    valve.onEnd(0);
    valve.onStatus(1, WatermarkStatus.IDLE);
    assertThat(recorder.emitted).containsExactly(7L, WatermarkStatus.IDLE);
  }

  @Test
  void aFinalWatermarkBeforeItsEndDoesNotMakeAnIdleChannelsDataLate() {
    Recorder recorder = new Recorder();
    WatermarkValve valve = new WatermarkValve(3, recorder);
    valve.onWatermark(1, 7);
    valve.onStatus(1, WatermarkStatus.IDLE);
    valve.onStatus(2, WatermarkStatus.IDLE);
    valve.onWatermark(0, Long.MAX_VALUE); // channel 0 finishes while the others are idle
    assertThat(valve.currentWatermark()).isEqualTo(7L);
    valve.onEnd(0);
    valve.onStatus(1, WatermarkStatus.ACTIVE);
    valve.onWatermark(1, 9);
    valve.onWatermark(1, Long.MAX_VALUE);
    valve.onEnd(1);
    valve.onStatus(2, WatermarkStatus.ACTIVE);
    valve.onWatermark(2, Long.MAX_VALUE);
    assertThat(recorder.emitted).containsExactly(7L, WatermarkStatus.IDLE, WatermarkStatus.ACTIVE, 9L,
        WatermarkStatus.IDLE, WatermarkStatus.ACTIVE, Long.MAX_VALUE);
  }

  /**
   * A channel's watermarks and its final one can all arrive before another channel's idleness (the head
   * of a connected iteration marks itself idle as it opens): what the finished channel reached still goes
   * out once the other turns idle, as it would have had the idleness come first.
   */
  @Test
  void whatAFinishedChannelReachedGoesOutWhateverTheOrderOfAnotherChannelsIdleness() {
    for (boolean endBeforeIdle : new boolean[] {false, true}) {
      Recorder idleLast = new Recorder();
      WatermarkValve valve = new WatermarkValve(3, idleLast);
      valve.onWatermark(0, 40);
      valve.onWatermark(0, Long.MAX_VALUE);
      valve.onWatermark(1, 7_200);
      valve.onWatermark(1, Long.MAX_VALUE);
      if (endBeforeIdle) {
        valve.onEnd(0);
        valve.onEnd(1);
      }
      assertThat(idleLast.emitted).isEmpty();
      valve.onStatus(2, WatermarkStatus.IDLE);
      assertThat(idleLast.emitted).containsExactly(7_200L, WatermarkStatus.IDLE);

      Recorder idleFirst = new Recorder();
      WatermarkValve other = new WatermarkValve(3, idleFirst);
      other.onStatus(2, WatermarkStatus.IDLE);
      other.onWatermark(0, 40);
      other.onWatermark(0, Long.MAX_VALUE);
      other.onWatermark(1, 7_200);
      other.onWatermark(1, Long.MAX_VALUE);
      if (endBeforeIdle) {
        other.onEnd(0);
        other.onEnd(1);
      }
      assertThat(other.currentWatermark()).isEqualTo(valve.currentWatermark());
      assertThat(other.isIdle()).isTrue();
    }
  }

  @Test
  void whenEveryChannelSendsItsFinalWatermarkTheMaximumGoesOut() {
    Recorder recorder = new Recorder();
    WatermarkValve valve = new WatermarkValve(2, recorder);
    valve.onWatermark(0, 5);
    valve.onWatermark(1, Long.MAX_VALUE);
    valve.onWatermark(0, Long.MAX_VALUE);
    assertThat(recorder.emitted).containsExactly(5L, Long.MAX_VALUE);
  }

  @Test
  void whenEveryChannelIsIdleTheHighestWatermarkIsFlushedThenIdle() {
    Recorder recorder = new Recorder();
    WatermarkValve valve = new WatermarkValve(2, recorder);
    valve.onWatermark(0, 5);
    valve.onWatermark(1, 9);
    valve.onStatus(1, WatermarkStatus.IDLE);
    valve.onStatus(0, WatermarkStatus.IDLE);
    valve.onStatus(1, WatermarkStatus.ACTIVE);
    assertThat(recorder.emitted).containsExactly(5L, 9L, WatermarkStatus.IDLE, WatermarkStatus.ACTIVE);
  }

  private static Event clampChannel(Event event, int channels) {
    if (event instanceof Mark m) {
      return new Mark(m.channel() % channels, m.watermark());
    } else if (event instanceof Idle i) {
      return new Idle(i.channel() % channels);
    } else if (event instanceof Active a) {
      return new Active(a.channel() % channels);
    }
    return new End(((End) event).channel() % channels);
  }

  private static void apply(WatermarkValve valve, Event event) {
    if (event instanceof Mark m) {
      valve.onWatermark(m.channel(), m.watermark());
    } else if (event instanceof Idle i) {
      valve.onStatus(i.channel(), WatermarkStatus.IDLE);
    } else if (event instanceof Active a) {
      valve.onStatus(a.channel(), WatermarkStatus.ACTIVE);
    } else {
      valve.onEnd(((End) event).channel());
    }
  }
}
