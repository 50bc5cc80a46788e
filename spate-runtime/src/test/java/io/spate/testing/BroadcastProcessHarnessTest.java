package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.BroadcastState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReadOnlyBroadcastState;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Broadcast process functions through the harness: read-write vs read-only state, keyed state, timers. */
class BroadcastProcessHarnessTest {

  record Rule(String word, int weight) {}

  static final MapStateDescriptor<String, Integer> RULES = new MapStateDescriptor<>("rules", String.class, Integer.class);
  static final MapStateDescriptor<String, Integer> UNKNOWN = new MapStateDescriptor<>("nope", String.class, Integer.class);

  /** Scores words by the broadcast rules. */
  static class Scorer extends BroadcastProcessFunction<String, Rule, String> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      Integer weight = ctx.getBroadcastState(RULES).get(value);
      out.collect(value + "=" + (weight == null ? 0 : weight));
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(RULES).put(rule.word(), rule.weight());
    }
  }

  @Test
  void theBroadcastSideWritesAndTheOtherSideReads() throws Exception {
    var h = TestHarnesses.forBroadcastProcess(new Scorer(), RULES);
    h.processElement1("a", 1);
    h.processElement2(new Rule("a", 5), 2);
    h.processElement1("a", 3);
    h.processElement1("b", 4);
    assertThat(h.extractOutputValues()).containsExactly("a=0", "a=5", "b=0");
    assertThat(h.getOutput()).extracting(StreamRecord::timestamp).containsExactly(1L, 3L, 4L);
  }

  @Test
  void theNonBroadcastSideCannotChangeTheState() throws Exception {
    var h = TestHarnesses.forBroadcastProcess(new Scorer() {
      @Override
      public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
        ReadOnlyBroadcastState<String, Integer> state = ctx.getBroadcastState(RULES);
        for (Map.Entry<String, Integer> e : state.immutableEntries()) {
          out.collect(e.toString());
          if (value.equals("setValue")) {
            e.setValue(0);
          }
        }
        if (value.equals("cast")) {
          ((BroadcastState<String, Integer>) state).put("x", 1);
        }
      }
    }, RULES);
    h.processElement2(new Rule("a", 5), 1);
    h.processElement1("read", 2);
    assertThat(h.extractOutputValues()).containsExactly("a=5");
    assertThatThrownBy(() -> h.processElement1("cast", 3))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'rules' is read-only in processElement");
    assertThatThrownBy(() -> h.processElement1("setValue", 4))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void anUndeclaredDescriptorIsAClearError() {
    var h = TestHarnesses.forBroadcastProcess(new BroadcastProcessFunction<String, Rule, String>() {
      @Override
      public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
        ctx.getBroadcastState(UNKNOWN);
      }

      @Override
      public void processBroadcastElement(Rule value, Context ctx, Collector<String> out) {}
    }, RULES);
    assertThatThrownBy(() -> h.processElement1("x", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No broadcast state named 'nope'")
        .hasMessageContaining("[rules]");
  }

  static final OutputTag<String> EXPIRED = new OutputTag<>("expired") {};

  /** Counts words per key; a rule resets the count of every key and a timer reports stale keys. */
  static final class KeyedCounter extends KeyedBroadcastProcessFunction<String, String, Rule, String> {
    static final ValueStateDescriptor<Integer> COUNT = new ValueStateDescriptor<>("count", Integer.class);
    private transient ValueState<Integer> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(COUNT);
    }

    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      int n = count.value() == null ? 1 : count.value() + 1;
      count.update(n);
      Integer weight = ctx.getBroadcastState(RULES).get(ctx.getCurrentKey());
      out.collect(ctx.getCurrentKey() + " " + n * (weight == null ? 1 : weight));
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(RULES).put(rule.word(), rule.weight());
      ctx.applyToKeyedState(COUNT, (key, state) -> {
        out.collect("reset " + key + " from " + state.value());
        state.clear();
      });
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      ctx.output(EXPIRED, ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain() + " "
          + ctx.getBroadcastState(RULES).contains(ctx.getCurrentKey()));
    }
  }

  @Test
  void keyedBroadcastAppliesToEveryKeyAndFiresTimers() throws Exception {
    var h = TestHarnesses.forKeyedBroadcastProcess(new KeyedCounter(), (String w) -> w, RULES);
    h.processElement1("a", 1);
    h.processElement1("b", 2);
    h.processElement1("a", 3);
    h.processElement2(new Rule("a", 10), 4);
    h.processElement1("a", 5);
    h.processElement1("b", 6);
    assertThat(h.extractOutputValues().subList(0, 3)).containsExactly("a 1", "b 1", "a 2");
    assertThat(h.extractOutputValues().subList(3, 5)).containsExactlyInAnyOrder("reset a from 2", "reset b from 1");
    assertThat(h.extractOutputValues().subList(5, 7)).containsExactly("a 10", "b 1");

    h.processWatermark(13);
    assertThat(h.getSideOutput(EXPIRED)).containsExactly(
        "a@11 EVENT_TIME true", "b@12 EVENT_TIME false", "a@13 EVENT_TIME true");
  }

  @Test
  void keyedStateOnTheBroadcastSideIsOnlyReachableThroughApplyToKeyedState() throws Exception {
    var h = TestHarnesses.forKeyedBroadcastProcess(new KeyedBroadcastProcessFunction<String, String, Rule, String>() {
      private transient ValueState<Integer> count;

      @Override
      public void open(OpenContext openContext) {
        count = getRuntimeContext().getState(KeyedCounter.COUNT);
      }

      @Override
      public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
        count.update(1);
      }

      @Override
      public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
        count.value();
      }
    }, (String w) -> w, RULES);
    h.processElement1("a", 1);
    // The key of the last keyed record must not leak into the broadcast side.
    assertThatThrownBy(() -> h.processElement2(new Rule("a", 1), 2))
        .hasMessageContaining("'count'").hasMessageContaining("no current key");
  }
}
