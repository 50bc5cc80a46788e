package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.functions.RuntimeContext;
import io.spate.runtime.e2e.E2eSupport.Landed;
import io.spate.runtime.e2e.E2eSupport.RecordingSink;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Rich functions: one instance per parallel subtask, {@code open} and {@code close} once per subtask,
 * and a {@link RuntimeContext} that tells the subtask, parallelism, max parallelism and task name.
 */
class RichFunctionE2ETest {

  /** What a function saw in {@code open}. */
  record Opened(int subtask, int parallelism, int maxParallelism, String taskName, String withSubtasks,
      int attempt) {}

  /** A map that records its life cycle, and tags every record with the subtask its context names. */
  static final class LifecycleMap extends RichMapFunction<Long, String> {
    private static final long serialVersionUID = 1L;
    static final Queue<Opened> OPENED = new ConcurrentLinkedQueue<>();
    static final Map<Integer, AtomicInteger> CLOSED = new ConcurrentHashMap<>();
    /** Records seen per subtask, as counted by each instance in its own field. */
    static final Map<Integer, Long> COUNTED_BY_INSTANCE = new ConcurrentHashMap<>();

    private long seen;
    private int subtaskAtOpen = -1;

    @Override
    public void open(OpenContext openContext) {
      RuntimeContext ctx = getRuntimeContext();
      subtaskAtOpen = ctx.getIndexOfThisSubtask();
      OPENED.add(new Opened(ctx.getIndexOfThisSubtask(), ctx.getNumberOfParallelSubtasks(),
          ctx.getMaxNumberOfParallelSubtasks(), ctx.getTaskName(), ctx.getTaskNameWithSubtasks(),
          ctx.getAttemptNumber()));
    }

    @Override
    public String map(Long value) {
      seen++;
      return getRuntimeContext().getIndexOfThisSubtask() + "/" + subtaskAtOpen + "/" + value;
    }

    @Override
    public void close() {
      int subtask = getRuntimeContext().getIndexOfThisSubtask();
      CLOSED.computeIfAbsent(subtask, k -> new AtomicInteger()).incrementAndGet();
      COUNTED_BY_INSTANCE.merge(subtask, seen, Long::sum);
    }

    static void reset() {
      OPENED.clear();
      CLOSED.clear();
      COUNTED_BY_INSTANCE.clear();
    }
  }

  @Test
  void openAndCloseOncePerSubtaskWithACorrectRuntimeContext() throws Exception {
    LifecycleMap.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setMaxParallelism(64);
    RecordingSink<String> sink = new RecordingSink<>();
    env.fromSequence(1, 3_000).setParallelism(3)
        .map(new LifecycleMap()).name("Lifecycle").setParallelism(3)
        .sinkTo(sink).setParallelism(3);
    E2eSupport.run(env, "rich-functions");

    assertThat(LifecycleMap.OPENED).hasSize(3);
    assertThat(LifecycleMap.OPENED.stream().map(Opened::subtask)).containsExactlyInAnyOrder(0, 1, 2);
    for (Opened o : LifecycleMap.OPENED) {
      assertThat(o.parallelism()).isEqualTo(3);
      assertThat(o.maxParallelism()).isEqualTo(64);
      assertThat(o.attempt()).isZero();
      assertThat(o.taskName()).contains("Lifecycle");
      assertThat(o.withSubtasks()).isEqualTo(o.taskName() + " (" + (o.subtask() + 1) + "/3)");
    }
    assertThat(LifecycleMap.CLOSED).containsOnlyKeys(0, 1, 2);
    assertThat(LifecycleMap.CLOSED.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
  }

  @Test
  void eachSubtaskHasItsOwnFunctionInstance() throws Exception {
    LifecycleMap.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    RecordingSink<String> sink = new RecordingSink<>();
    // map and sink chained (forward, equal parallelism): the sink subtask is the map subtask
    env.fromSequence(1, 6_000).map(new LifecycleMap()).name("Lifecycle").sinkTo(sink);
    E2eSupport.run(env, "function-instances");

    List<Landed<String>> landed = sink.landed();
    assertThat(landed).hasSize(6_000);
    Map<Integer, Long> landedPerSubtask = new ConcurrentHashMap<>();
    for (Landed<String> l : landed) {
      String[] parts = l.value().split("/");
      // the context read while mapping, and the one read in open(), name the subtask that ran the record
      assertThat(Integer.parseInt(parts[0])).as("context subtask of %s", l.value()).isEqualTo(l.subtask());
      assertThat(Integer.parseInt(parts[1])).as("open() subtask of %s", l.value()).isEqualTo(l.subtask());
      landedPerSubtask.merge(l.subtask(), 1L, Long::sum);
    }
    // each instance counted exactly the records of its own subtask (a subtask whose reader got no
    // split counts none, and lands none)
    Map<Integer, Long> counted = new java.util.HashMap<>(LifecycleMap.COUNTED_BY_INSTANCE);
    counted.values().removeIf(count -> count == 0L);
    assertThat(counted).isEqualTo(landedPerSubtask);
  }

  @Test
  void taskNameIsTheNameOfTheChainLikeFlink() throws Exception {
    LifecycleMap.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 10).name("Numbers").map(new LifecycleMap()).name("Lifecycle").discard();
    E2eSupport.run(env, "task-name");
    assertThat(LifecycleMap.OPENED).hasSize(1);
    String taskName = LifecycleMap.OPENED.peek().taskName();
    // Flink's RuntimeContext#getTaskName is the task's name: the chained operators, e.g. "Numbers -> Lifecycle -> ..."
    assertThat(taskName).contains("Numbers").contains("Lifecycle");
  }

  @Test
  void perOperatorParallelismIsHonoured() throws Exception {
    LifecycleMap.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<String> sink = new RecordingSink<>();
    env.fromSequence(1, 1_000).setParallelism(1)
        .map(new LifecycleMap()).setParallelism(4)
        .sinkTo(sink).setParallelism(3);
    E2eSupport.run(env, "per-operator-parallelism");
    assertThat(LifecycleMap.OPENED.stream().map(Opened::subtask)).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(LifecycleMap.OPENED).allSatisfy(o -> assertThat(o.parallelism()).isEqualTo(4));
    assertThat(sink.openedSubtasks()).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(sink.landed()).allSatisfy(l -> assertThat(l.parallelism()).isEqualTo(3));
    assertThat(sink.landed()).hasSize(1_000);
  }

  @Test
  void closeIsCalledWhenTheJobFails() throws Exception {
    LifecycleMap.reset();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 100).map(new LifecycleMap()).map(s -> {
      if (s.endsWith("/50")) {
        throw new IllegalStateException("boom");
      }
      return s;
    }).discard();
    assertThatThrownBy(() -> E2eSupport.run(env, "close-on-failure")).hasStackTraceContaining("boom");
    Await.until(Duration.ofSeconds(10), "the failed function to be closed", () -> LifecycleMap.CLOSED.containsKey(0));
    assertThat(LifecycleMap.OPENED).hasSize(1);
    assertThat(LifecycleMap.CLOSED.get(0).get()).isEqualTo(1);
  }
}
