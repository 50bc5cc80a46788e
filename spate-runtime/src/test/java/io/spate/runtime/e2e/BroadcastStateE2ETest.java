package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.BroadcastStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.e2e.E2eSupport.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broadcast state pattern as whole jobs: rules broadcast to every instance, applied to keyed events. */
class BroadcastStateE2ETest {

  /** A threshold for the events of one category. */
  public record Rule(String category, int threshold) {}

  /** An event of a category with a value. */
  public record Event(String category, int value, int id) {}

  static final MapStateDescriptor<String, Integer> RULES =
      new MapStateDescriptor<>("rules", Types.STRING, Types.INT);
  static final OutputTag<String> RULE_SEEN = new OutputTag<>("rule-seen", Types.STRING);
  static final OutputTag<String> UNMATCHED = new OutputTag<>("unmatched", Types.STRING);

  private static final List<Rule> RULE_LIST = List.of(new Rule("a", 10), new Rule("b", 50), new Rule("c", 90));

  private static List<Event> events() {
    List<Event> events = new ArrayList<>();
    String[] categories = {"a", "b", "c", "d"};
    for (int i = 0; i < 400; i++) {
      events.add(new Event(categories[i * 7 % 4], i * 37 % 100, i));
    }
    return events;
  }

  private static String verdict(Event e, int threshold) {
    return e.id() + (e.value() >= threshold ? " alert" : " ok");
  }

  /**
   * Applies the rule of each event's category; events that come before their rule wait in keyed
   * state until the rule arrives, which then settles them through applyToKeyedState; events of
   * categories without a rule are reported by a timer.
   */
  public static final class RuleEngine extends KeyedBroadcastProcessFunction<String, Event, Rule, String> {
    static final ListStateDescriptor<Event> PENDING = new ListStateDescriptor<>("pending", Event.class);
    private transient ListState<Event> pending;

    @Override
    public void open(OpenContext openContext) {
      pending = getRuntimeContext().getListState(PENDING);
    }

    @Override
    public void processElement(Event event, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      Integer threshold = ctx.getBroadcastState(RULES).get(ctx.getCurrentKey());
      if (threshold != null) {
        out.collect(verdict(event, threshold));
      } else {
        pending.add(event);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1_000);
      }
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(RULES).put(rule.category(), rule.threshold());
      ctx.output(RULE_SEEN, getRuntimeContext().getTaskInfo().indexOfThisSubtask() + ":" + rule.category());
      ctx.applyToKeyedState(PENDING, (category, state) -> {
        if (category.equals(rule.category())) {
          for (Event e : state.get()) {
            out.collect(verdict(e, rule.threshold()));
          }
          state.clear();
        }
      });
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      for (Event e : pending.get()) {
        ctx.output(UNMATCHED, e.id() + " " + ctx.getCurrentKey());
      }
      pending.clear();
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void rulesReachEveryInstanceAndApplyToKeyedEvents(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    BroadcastStream<Rule> rules = env.fromCollection(RULE_LIST).broadcast(RULES);
    DataStream<Event> events = env.fromCollection(events()).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, t) -> e.id() * 10L));
    SingleOutputStreamOperator<String> verdicts = events.keyBy(Event::category).connect(rules)
        .process(new RuleEngine());
    RecordingSink<String> main = new RecordingSink<>();
    RecordingSink<String> seen = new RecordingSink<>();
    RecordingSink<String> unmatched = new RecordingSink<>();
    verdicts.sinkTo(main);
    verdicts.getSideOutput(RULE_SEEN).sinkTo(seen);
    verdicts.getSideOutput(UNMATCHED).sinkTo(unmatched);
    E2eSupport.run(env, "broadcast rules");

    List<String> expected = new ArrayList<>();
    List<String> expectedUnmatched = new ArrayList<>();
    for (Event e : events()) {
      RULE_LIST.stream().filter(r -> r.category().equals(e.category())).findFirst().ifPresentOrElse(
          r -> expected.add(verdict(e, r.threshold())), () -> expectedUnmatched.add(e.id() + " d"));
    }
    List<String> expectedSeen = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      for (Rule r : RULE_LIST) {
        expectedSeen.add(i + ":" + r.category());
      }
    }
    assertThat(main.values()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(seen.values()).containsExactlyInAnyOrderElementsOf(expectedSeen);
    assertThat(unmatched.values()).containsExactlyInAnyOrderElementsOf(expectedUnmatched);
  }

  /** Emits, for each event, the rules this instance knew when the event arrived. */
  public static final class RulesKnown extends BroadcastProcessFunction<Event, Rule, String> {
    @Override
    public void processElement(Event event, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      Map<String, Integer> known = new TreeMap<>();
      for (Map.Entry<String, Integer> e : ctx.getBroadcastState(RULES).immutableEntries()) {
        known.put(e.getKey(), e.getValue());
      }
      out.collect(event.id() + " " + known);
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(RULES).put(rule.category(), rule.threshold());
    }
  }

  /** Like {@link RulesKnown}, per key. */
  public static final class KeyedRulesKnown extends KeyedBroadcastProcessFunction<String, Event, Rule, String> {
    @Override
    public void processElement(Event event, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      Integer threshold = ctx.getBroadcastState(RULES).get(ctx.getCurrentKey());
      out.collect(threshold == null ? event.id() + " no rule" : verdict(event, threshold));
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(RULES).put(rule.category(), rule.threshold());
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void inBatchModeTheBroadcastSideIsProcessedFirst(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    DataStream<Event> events = env.fromCollection(events()).rebalance();
    BroadcastStream<Rule> rules = env.fromCollection(RULE_LIST).broadcast(RULES);
    RecordingSink<String> nonKeyed = new RecordingSink<>();
    RecordingSink<String> keyed = new RecordingSink<>();
    events.connect(rules).process(new RulesKnown()).sinkTo(nonKeyed);
    events.keyBy(Event::category).connect(rules).process(new KeyedRulesKnown()).sinkTo(keyed);
    E2eSupport.run(env, "broadcast in batch");

    List<String> expectedNonKeyed = new ArrayList<>();
    List<String> expectedKeyed = new ArrayList<>();
    for (Event e : events()) {
      expectedNonKeyed.add(e.id() + " {a=10, b=50, c=90}");
      expectedKeyed.add(RULE_LIST.stream().filter(r -> r.category().equals(e.category())).findFirst()
          .map(r -> verdict(e, r.threshold())).orElse(e.id() + " no rule"));
    }
    assertThat(nonKeyed.values()).containsExactlyInAnyOrderElementsOf(expectedNonKeyed);
    assertThat(keyed.values()).containsExactlyInAnyOrderElementsOf(expectedKeyed);
  }
}
