package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.ListCheckpointed;
import io.spate.api.functions.MapFunction;
import io.spate.api.functions.sink.SinkFunction;
import io.spate.testing.FactoryHarnesses;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions that checkpoint through {@link ListCheckpointed}: what they return is restored, to the
 * same subtask at the same parallelism and dealt out among the subtasks at another; through the operators
 * of the API's user functions (map) and of legacy functions (a sink function).
 */
class ListCheckpointedTest {

  /** Remembers the records it has seen; its state is that list. */
  static final class Remembering implements MapFunction<String, String>, ListCheckpointed<String> {
    private static final long serialVersionUID = 1L;
    final List<String> seen = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public String map(String value) {
      seen.add(value);
      return value;
    }

    @Override
    public List<String> snapshotState(long checkpointId, long timestamp) {
      calls.add("snapshot " + checkpointId + " at " + timestamp);
      return new ArrayList<>(seen);
    }

    @Override
    public void restoreState(List<String> state) {
      calls.add("restore " + state);
      seen.addAll(state);
    }
  }

  /** Returns null for its state, which Flink allows for "nothing". */
  static final class Stateless implements MapFunction<String, String>, ListCheckpointed<String> {
    private static final long serialVersionUID = 1L;
    List<String> restored;

    @Override
    public String map(String value) {
      return value;
    }

    @Override
    public List<String> snapshotState(long checkpointId, long timestamp) {
      return null;
    }

    @Override
    public void restoreState(List<String> state) {
      restored = state;
    }
  }

  private static OperatorSubtaskState run(Remembering function, List<String> input) throws Exception {
    try (OneInputTestHarness<String, String> harness = TestHarnesses.forMap(function)) {
      harness.open();
      for (String value : input) {
        harness.processElement(value);
      }
      return harness.snapshot(7, 1234);
    }
  }

  @Test
  void theListReturnedAtACheckpointIsGivenBackOnRestore() throws Exception {
    Remembering first = new Remembering();
    OperatorSubtaskState snapshot = run(first, List.of("a", "b", "c"));
    assertThat(first.calls).containsExactly("snapshot 7 at 1234");

    Remembering second = new Remembering();
    try (OneInputTestHarness<String, String> harness = TestHarnesses.forMap(second).initializeState(snapshot, 7)) {
      harness.open();
    }
    assertThat(second.calls).containsExactly("restore [a, b, c]");
    assertThat(second.seen).containsExactly("a", "b", "c");
  }

  @Test
  void aFreshStartDoesNotCallRestore() throws Exception {
    Remembering function = new Remembering();
    try (OneInputTestHarness<String, String> harness = TestHarnesses.forMap(function)) {
      harness.open();
    }
    assertThat(function.calls).isEmpty();
  }

  @Test
  void onARescaleTheItemsAreDealtOutAmongTheNewSubtasksNoneLostNoneTwice() throws Exception {
    OperatorSubtaskState one = run(new Remembering(), List.of("a", "b", "c", "d"));
    OperatorSubtaskState two = run(new Remembering(), List.of("e", "f"));
    List<OperatorSubtaskState> rescaled = TestHarnesses.repartition(List.of(one, two), 3, 128);

    List<String> all = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      Remembering function = new Remembering();
      try (OneInputTestHarness<String, String> harness =
          TestHarnesses.forMap(function).setSubtask(subtask, 3, 128).initializeState(rescaled.get(subtask), 7)) {
        harness.open();
      }
      assertThat(function.seen).as("subtask %d's share", subtask).hasSize(2);
      all.addAll(function.seen);
    }
    assertThat(all).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
  }

  @Test
  void aNullListIsKeptAsAnEmptyOne() throws Exception {
    OperatorSubtaskState snapshot;
    try (OneInputTestHarness<String, String> harness = TestHarnesses.forMap(new Stateless())) {
      harness.open();
      snapshot = harness.snapshot(1, 0);
    }
    Stateless restored = new Stateless();
    try (OneInputTestHarness<String, String> harness = TestHarnesses.forMap(restored).initializeState(snapshot, 1)) {
      harness.open();
    }
    assertThat(restored.restored).isEmpty();
  }

  /** A legacy sink function that counts what it wrote; its state is the count. */
  static final class CountingSink implements SinkFunction<String>, ListCheckpointed<Long> {
    private static final long serialVersionUID = 1L;
    long written;

    @Override
    public void invoke(String value, Context context) {
      written++;
    }

    @Override
    public List<Long> snapshotState(long checkpointId, long timestamp) {
      return List.of(written);
    }

    @Override
    public void restoreState(List<Long> state) {
      state.forEach(count -> written += count);
    }
  }

  @Test
  void aLegacySinkFunctionGetsItsListBackToo() throws Exception {
    OperatorSubtaskState snapshot;
    try (OneInputTestHarness<String, Object> harness =
        FactoryHarnesses.<String, Object>of(new SinkFunctionOperatorFactory<>(new CountingSink()), "Sink")) {
      harness.open();
      harness.processElement("a").processElement("b");
      snapshot = harness.snapshot(3, 0);
      harness.processElement("c"); // after the checkpoint: not in it
    }
    CountingSink restored = new CountingSink();
    try (OneInputTestHarness<String, Object> harness =
        FactoryHarnesses.<String, Object>of(new SinkFunctionOperatorFactory<>(restored), "Sink").initializeState(snapshot, 3)) {
      harness.open();
      harness.processElement("d");
    }
    assertThat(restored.written).isEqualTo(3);
  }
}
