package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.ParameterTool;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.RichFilterFunction;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What Flink programs hand their functions: global job parameters, read through the execution config
 * or the runtime context, and {@code open(Configuration)} overrides, called once per parallel instance.
 */
@SuppressWarnings("deprecation")
class JobParametersE2ETest {

  /** Reads the job's parameters both ways Flink offers, in open and per record. */
  static final class Greet extends RichMapFunction<Long, String> {
    private static final long serialVersionUID = 1L;
    private transient String greeting;

    @Override
    public void open(Configuration parameters) {
      ExecutionConfig.GlobalJobParameters global = getRuntimeContext().getExecutionConfig().getGlobalJobParameters();
      greeting = ((ParameterTool) global).getRequired("greeting");
    }

    @Override
    public String map(Long value) {
      Map<String, String> parameters = getRuntimeContext().getGlobalJobParameters();
      return greeting + " " + value + " x" + parameters.get("times");
    }
  }

  @Test
  void globalJobParametersReachEveryParallelInstance() throws Exception {
    ParameterTool parameters = ParameterTool.fromArgs(new String[] {"--greeting", "hello", "-times", "3"});
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfig().setGlobalJobParameters(parameters);
    List<String> out = env.fromSequence(1, 4).map(new Greet()).executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder("hello 1 x3", "hello 2 x3", "hello 3 x3", "hello 4 x3");
  }

  static final class CountParameters extends RichMapFunction<Long, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer map(Long value) {
      return getRuntimeContext().getGlobalJobParameters().size();
    }
  }

  @Test
  void withoutGlobalParametersFunctionsSeeAnEmptyMap() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<Integer> sizes = env.fromSequence(1, 2).map(new CountParameters()).executeAndCollect(10);
    assertThat(sizes).containsExactly(0, 0);
  }

  /** How often each function class opened on each subtask, through open(Configuration). */
  static final Map<String, AtomicInteger> OPENED = new ConcurrentHashMap<>();

  private static void opened(String function, int subtask) {
    OPENED.computeIfAbsent(function + "/" + subtask, k -> new AtomicInteger()).incrementAndGet();
  }

  static final class PlusOne extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(Configuration parameters) throws Exception {
      super.open(parameters);
      opened("map", getRuntimeContext().getIndexOfThisSubtask());
    }

    @Override
    public Long map(Long value) {
      return value + 1;
    }
  }

  static final class Even extends RichFilterFunction<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(Configuration parameters) {
      opened("filter", getRuntimeContext().getIndexOfThisSubtask());
    }

    @Override
    public boolean filter(Long value) {
      return value % 2 == 0;
    }
  }

  static final class Identity extends ProcessFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(Configuration parameters) {
      opened("process", getRuntimeContext().getIndexOfThisSubtask());
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      out.collect(value);
    }
  }

  /** Keyed state taken in open(Configuration), as Flink programs written before 1.19 do. */
  static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(Configuration parameters) {
      opened("keyed", getRuntimeContext().getIndexOfThisSubtask());
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class, 0L));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws IOException {
      count.update(count.value() + 1);
      out.collect(ctx.getCurrentKey() + ":" + count.value());
    }
  }

  @Test
  void openConfigurationOverridesAreCalledOncePerParallelInstance() throws Exception {
    OPENED.clear();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<String> out = env.fromSequence(1, 8)
        .map(new PlusOne())
        .filter(new Even())
        .process(new Identity())
        .keyBy(x -> x % 3)
        .process(new RunningCount())
        .executeAndCollect(100);
    // 1..8 plus one is 2..9, whose evens 2, 4, 6, 8 fall on the keys 2, 1, 0, 2
    assertThat(out).containsExactlyInAnyOrder("2:1", "1:1", "0:1", "2:2");
    assertThat(OPENED).containsOnlyKeys("map/0", "map/1", "filter/0", "filter/1", "process/0", "process/1",
        "keyed/0", "keyed/1");
    assertThat(OPENED.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }
}
