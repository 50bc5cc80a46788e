package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkGenerator;
import io.spate.api.eventtime.WatermarkOutput;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.runtime.e2e.ScriptedSource.Event;
import io.spate.runtime.e2e.ScriptedSource.Split;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two sources in one alignment group, one free to race ahead and one that the test lets advance
 * step by step: the fast one never reads further ahead of the slow one than the allowed drift.
 */
class WatermarkAlignmentE2ETest {

  private static final long STEP = 10;
  private static final long LAST = 20_000;
  private static final long DRIFT = 1_000;

  /** Watermark = timestamp - 1 on every event, so a reader's watermark is always current. */
  static final class PerEventWatermarks implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  private static List<Split> events(String key, String gate) {
    List<Event> events = new ArrayList<>();
    for (long ts = 0; ts <= LAST; ts += STEP) {
      events.add(new Event(key, ts));
    }
    return List.of(new Split(key, events, gate));
  }

  @Test
  void theFastSourceNeverRunsAheadOfTheSlowOneByMoreThanTheDrift() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    WatermarkStrategy<Event> aligned = WatermarkStrategy.<Event>forGenerator(PerEventWatermarks::new)
        .withWatermarkAlignment("group", Duration.ofMillis(DRIFT), Duration.ofMillis(10));
    String slowGate = ScriptedSource.newGate();
    E2eSupport.RecordingSink<Event> sink = new E2eSupport.RecordingSink<>();
    env.fromSource(new ScriptedSource(events("fast", null)), aligned, "fast")
        .union(env.fromSource(new ScriptedSource(events("slow", slowGate)), aligned, "slow"))
        .sinkTo(sink);
    JobClient client = env.executeAsync("alignment");

    // The fast source's watermark may exceed the group's minimum (the slow one's, below its limit)
    // by the drift; having reached it, one more record passes the check.
    long slack = DRIFT + STEP;
    for (long limit = 0; limit <= LAST; limit += 2_000) {
      ScriptedSource.openUpTo(slowGate, limit);
      long slowLimit = limit;
      long expectedFast = Math.min(LAST, limit + DRIFT);
      Await.until(Duration.ofSeconds(E2eSupport.JOB_TIMEOUT_SECONDS),
          () -> "both sources to reach their limits for slow limit " + slowLimit + "; seen: " + sink.values(), () -> {
            List<Event> seen = sink.values();
            return seen.contains(new Event("slow", slowLimit)) && seen.contains(new Event("fast", expectedFast));
          });
      for (Event e : sink.values()) {
        if (e.key().equals("fast")) {
          assertThat(e.timestamp()).as("fast record while the slow source may read up to %d", slowLimit)
              .isLessThanOrEqualTo(slowLimit + slack);
        }
      }
    }
    ScriptedSource.open(slowGate);
    E2eSupport.awaitResult(client);
    assertThat(sink.values()).hasSize(2 * (int) (LAST / STEP + 1));
  }
}
