package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapStateDescriptor;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpointed functions and broadcast state through harness snapshots, restored at other parallelisms. */
class OperatorStateHarnessTest {

  /**
   * Buffers words and emits them all when it sees "flush"; the buffer is split-distributed operator
   * state. It also records which checkpoints completed and the union of all instances' ids.
   */
  static class BufferingFunction implements FlatMapFunction<String, String>, CheckpointedFunction, CheckpointListener {
    final List<String> buffer = new ArrayList<>();
    final List<Long> completed = new ArrayList<>();
    private final String id;
    List<String> restoredIds = new ArrayList<>();
    boolean restored;
    private transient ListState<String> bufferState;
    private transient ListState<String> ids;

    BufferingFunction(String id) {
      this.id = id;
    }

    @Override
    public void flatMap(String value, Collector<String> out) {
      if (value.equals("flush")) {
        buffer.forEach(out::collect);
        buffer.clear();
      } else {
        buffer.add(value);
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      bufferState.update(buffer);
      ids.update(List.of(id));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      restored = context.isRestored();
      bufferState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", String.class));
      ids = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("ids", String.class));
      bufferState.get().forEach(buffer::add);
      ids.get().forEach(restoredIds::add);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      completed.add(checkpointId);
    }
  }

  /** Two instances buffering "a0".."a4" and "b0".."b2", snapshotted at checkpoint 3. */
  static List<OperatorSubtaskState> twoSnapshots() throws Exception {
    List<OperatorSubtaskState> states = new ArrayList<>();
    int[] sizes = {5, 3};
    for (int i = 0; i < 2; i++) {
      var function = new BufferingFunction("id" + i);
      var harness = TestHarnesses.forFlatMap(function).setSubtask(i, 2, 128);
      for (int n = 0; n < sizes[i]; n++) {
        harness.processElement((i == 0 ? "a" : "b") + n);
      }
      states.add(harness.snapshot(3, 1000));
      harness.processElement("after-the-checkpoint");
      harness.close();
    }
    return states;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void aBufferRestoredAtAnyParallelismHoldsEveryBufferedElementOnce(int parallelism) throws Exception {
    List<OperatorSubtaskState> assigned = TestHarnesses.repartition(twoSnapshots(), parallelism, 128);
    List<String> flushed = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      var function = new BufferingFunction("new" + i);
      var harness = TestHarnesses.forFlatMap(function).setSubtask(i, parallelism, 128)
          .initializeState(assigned.get(i), 3);
      harness.processElement("flush");
      assertThat(function.restored).isTrue();
      assertThat(function.restoredIds).containsExactly("id0", "id1");
      sizes.add(harness.extractOutputValues().size());
      flushed.addAll(harness.extractOutputValues());
      harness.close();
    }
    assertThat(flushed).containsExactly("a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2");
    if (parallelism == 2) {
      assertThat(sizes).containsExactly(5, 3);
    } else {
      assertThat(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
          - sizes.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void aFreshStartIsNotARestore() throws Exception {
    var function = new BufferingFunction("x");
    TestHarnesses.forFlatMap(function).open();
    assertThat(function.restored).isFalse();
    assertThat(function.restoredIds).isEmpty();
  }

  @Test
  void completedCheckpointsReachTheFunction() throws Exception {
    var function = new BufferingFunction("x");
    var harness = TestHarnesses.forFlatMap(function);
    harness.snapshot(1, 10);
    harness.notifyOfCompletedCheckpoint(1);
    assertThat(function.completed).containsExactly(1L);
  }

  @Test
  void stateCannotBeRestoredAfterOpen() throws Exception {
    var harness = TestHarnesses.forFlatMap(new BufferingFunction("x")).open();
    assertThatThrownBy(() -> harness.initializeState(OperatorSubtaskState.EMPTY))
        .isInstanceOf(IllegalStateException.class);
  }

  // ------------------------------------------------------------------ broadcast state

  static final MapStateDescriptor<String, Integer> RULES = new MapStateDescriptor<>("rules", String.class, Integer.class);

  static class Scorer extends BroadcastProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      Integer weight = ctx.getBroadcastState(RULES).get(value);
      out.collect(value + "=" + weight);
    }

    @Override
    public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
      String[] parts = rule.split(":");
      ctx.getBroadcastState(RULES).put(parts[0], Integer.parseInt(parts[1]));
    }
  }

  @Test
  void broadcastStateIsRestoredInFullOnEveryNewInstance() throws Exception {
    List<OperatorSubtaskState> states = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      var harness = TestHarnesses.forBroadcastProcess(new Scorer(), RULES).setSubtask(i, 2, 128);
      harness.processElement2("a:1");
      harness.processElement2("b:2");
      states.add(harness.snapshot(5, 0));
      harness.processElement2("c:3");
      harness.close();
    }
    List<OperatorSubtaskState> assigned = TestHarnesses.repartition(states, 3, 128);
    for (int i = 0; i < 3; i++) {
      var harness = TestHarnesses.forBroadcastProcess(new Scorer(), RULES).setSubtask(i, 3, 128)
          .initializeState(assigned.get(i), 5);
      harness.processElement1("a");
      harness.processElement1("b");
      harness.processElement1("c");
      assertThat(harness.extractOutputValues()).containsExactly("a=1", "b=2", "c=null");
      harness.close();
    }
  }

  @Test
  void restoredBroadcastStateStaysReadOnlyOnTheNonBroadcastSide() throws Exception {
    var first = TestHarnesses.forBroadcastProcess(new Scorer(), RULES);
    first.processElement2("a:1");
    OperatorSubtaskState state = first.snapshot(1, 0);
    var harness = TestHarnesses.forBroadcastProcess(new Scorer() {
      @Override
      public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
        ((io.spate.api.state.BroadcastState<String, Integer>) ctx.getBroadcastState(RULES)).put(value, 0);
      }
    }, RULES).initializeState(state);
    assertThatThrownBy(() -> harness.processElement1("x"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void repartitionGivesEachNewInstanceTheKeyedHandlesThatOverlapItsKeyGroups() {
    var left = new io.spate.runtime.state.snapshot.KeyGroupsStateHandle(new io.spate.runtime.state.keygroup.KeyGroupRange(0, 63),
        new long[64], new io.spate.runtime.state.snapshot.ByteStreamStateHandle("left", new byte[1]));
    var right = new io.spate.runtime.state.snapshot.KeyGroupsStateHandle(
        new io.spate.runtime.state.keygroup.KeyGroupRange(64, 127), new long[64],
        new io.spate.runtime.state.snapshot.ByteStreamStateHandle("right", new byte[1]));
    List<OperatorSubtaskState> old = List.of(new OperatorSubtaskState(List.of(left), List.of(), List.of()),
        new OperatorSubtaskState(List.of(right), List.of(), List.of()));
    List<OperatorSubtaskState> assigned = TestHarnesses.repartition(old, 3, 128);
    // New ranges: 0..42, 43..85, 86..127.
    assertThat(assigned.get(0).keyedState()).containsExactly(left);
    assertThat(assigned.get(1).keyedState()).containsExactly(left, right);
    assertThat(assigned.get(2).keyedState()).containsExactly(right);
    assertThat(IntStream.range(0, 3).mapToObj(i -> assigned.get(i).operatorState())).allMatch(List::isEmpty);
  }
}
