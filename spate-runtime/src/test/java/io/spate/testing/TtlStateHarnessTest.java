package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.StateTtlConfig;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.functions.Collector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** State time-to-live in a keyed process function, driven by the harness's manual processing time. */
class TtlStateHarnessTest {

  /** A record of a user's click on a page. */
  record Click(String user, String page) {}

  /**
   * Counts clicks per user in a session that ends after a minute without clicks (TTL on value
   * state, refreshed by each write), and remembers per page the last click for a minute after the
   * first look (TTL on map entries, not refreshed by reads). A processing-time timer reports what
   * the state still holds.
   */
  static final class SessionCounter extends KeyedProcessFunction<String, Click, String> {
    private transient ValueState<Integer> count;
    private transient MapState<String, Long> seen;

    @Override
    public void open(OpenContext openContext) {
      StateTtlConfig oneMinute = StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build();
      ValueStateDescriptor<Integer> countDescriptor = new ValueStateDescriptor<>("count", Integer.class, 0);
      countDescriptor.enableTimeToLive(oneMinute);
      count = getRuntimeContext().getState(countDescriptor);
      MapStateDescriptor<String, Long> seenDescriptor = new MapStateDescriptor<>("seen", String.class, Long.class);
      seenDescriptor.enableTimeToLive(oneMinute);
      seen = getRuntimeContext().getMapState(seenDescriptor);
    }

    @Override
    public void processElement(Click click, Context ctx, Collector<String> out) throws Exception {
      int clicks = count.value() + 1;
      count.update(clicks);
      boolean repeat = seen.contains(click.page());
      if (!repeat) {
        seen.put(click.page(), ctx.timerService().currentProcessingTime());
      }
      out.collect(click.user() + ":" + clicks + (repeat ? ":repeat" : ""));
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 90_000);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "@" + timestamp + ":" + count.value() + ":" + seen.isEmpty());
    }
  }

  @Test
  void stateExpiresOnTheTasksProcessingTimeClock() throws Exception {
    var harness = TestHarnesses.forKeyedProcess(new SessionCounter(), Click::user);
    harness.setProcessingTime(1_000);
    harness.processElement(new Click("ann", "home"));
    harness.setProcessingTime(40_000);
    harness.processElement(new Click("ann", "home")).processElement(new Click("bob", "home"));
    harness.setProcessingTime(61_000); // ann's "home" entry (written at 1s) is gone; her count (40s) is not
    harness.processElement(new Click("ann", "home"));
    harness.setProcessingTime(91_000);
    harness.setProcessingTime(120_999); // ann's count, written at 61s, is still there...
    harness.processElement(new Click("bob", "faq")); // ...and bob's, written at 40s, has expired
    harness.setProcessingTime(130_000);
    harness.setProcessingTime(151_000);
    harness.setProcessingTime(200_000);
    harness.processElement(new Click("ann", "faq"));
    assertThat(harness.extractOutputValues()).containsExactly(
        "ann:1",
        "ann:2:repeat",
        "bob:1",
        "ann:3",
        "ann@91000:3:false", // timer from the first click: count alive, "home" (61s) alive
        "bob:1",
        "ann@130000:0:true", // ann's count expired at 121s; the default value shows
        "bob@130000:1:false",
        "ann@151000:0:true",
        "ann:1");
  }
}
