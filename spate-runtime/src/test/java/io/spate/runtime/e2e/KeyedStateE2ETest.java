package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Keyed state in user functions, in jobs at several parallelisms. */
class KeyedStateE2ETest {

  /** An event of a user. */
  public record Click(String user, String page) {}

  /** Per user: running count (value state), distinct pages (map state), and on a timer the list of pages. */
  static final class PerUser extends KeyedProcessFunction<String, Click, String> {
    private transient ValueState<Long> count;
    private transient MapState<String, Boolean> pages;
    private transient ListState<String> history;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class, 0L));
      pages = getRuntimeContext().getMapState(new MapStateDescriptor<>("pages", String.class, Boolean.class));
      history = getRuntimeContext().getListState(new ListStateDescriptor<>("history", String.class));
    }

    @Override
    public void processElement(Click click, Context ctx, Collector<String> out) throws Exception {
      count.update(count.value() + 1);
      pages.put(click.page(), true);
      history.add(click.page());
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      int distinct = 0;
      for (String ignored : pages.keys()) {
        distinct++;
      }
      out.collect(ctx.getCurrentKey() + " count=" + count.value() + " distinct=" + distinct + " history=" + history.get());
    }
  }

  private static List<Click> clicks() {
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      clicks.add(new Click("u" + (i * 7 % 37), "p" + (i % 11)));
    }
    return clicks;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void stateIsPerKeyAtAnyParallelism(int parallelism) throws Exception {
    List<Click> clicks = clicks();
    Map<String, List<String>> history = new HashMap<>();
    for (Click c : clicks) {
      history.computeIfAbsent(c.user(), u -> new ArrayList<>()).add(c.page());
    }
    List<String> expected = new ArrayList<>();
    history.forEach((user, pages) -> expected.add(
        user + " count=" + pages.size() + " distinct=" + pages.stream().distinct().count() + " history=" + pages));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    // One source subtask keeps each user's clicks in input order, so the history list is determined.
    List<String> out = collect(env.fromData(clicks).setParallelism(1).keyBy(Click::user).process(new PerUser()));
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void keyedStateOnANonKeyedStreamFailsWithAClearError() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    var stream = env.fromData(1, 2, 3).map(new RichMapFunction<Integer, Integer>() {
      private transient ValueState<Integer> last;

      @Override
      public void open(OpenContext ctx) {
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Integer.class));
      }

      @Override
      public Integer map(Integer value) {
        return value;
      }
    }).name("needs-keys");
    assertThatThrownBy(() -> collect(stream))
        .hasStackTraceContaining("'needs-keys'")
        .hasStackTraceContaining("keyed state 'last'")
        .hasStackTraceContaining("keyBy");
  }
}
