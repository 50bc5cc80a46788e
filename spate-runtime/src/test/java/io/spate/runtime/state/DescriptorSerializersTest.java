package io.spate.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.serialization.LongSerializer;
import io.spate.api.serialization.StringSerializer;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State described with Flink's serializer-taking descriptor constructors: every kind of keyed state
 * and operator list state works with the serializer it was given, and survives a snapshot and restore.
 */
class DescriptorSerializersTest {

  /** Counts, lists, maps, sums and averages the words of each key; counts all words in operator state. */
  static final class Tally extends KeyedProcessFunction<String, String, String> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient ListState<String> words;
    private transient MapState<String, Long> lengths;
    private transient ReducingState<Long> total;
    private transient AggregatingState<Long, Long> longest;
    private transient ListState<Long> seen;
    private long seenHere;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", LongSerializer.INSTANCE, 0L));
      words = getRuntimeContext().getListState(new ListStateDescriptor<>("words", StringSerializer.INSTANCE));
      lengths = getRuntimeContext().getMapState(
          new MapStateDescriptor<>("lengths", StringSerializer.INSTANCE, LongSerializer.INSTANCE));
      total = getRuntimeContext().getReducingState(
          new ReducingStateDescriptor<>("total", Long::sum, LongSerializer.INSTANCE));
      longest = getRuntimeContext().getAggregatingState(
          new AggregatingStateDescriptor<>("longest", new Max(), LongSerializer.INSTANCE));
    }

    @Override
    public void processElement(String word, Context ctx, Collector<String> out) throws Exception {
      count.update(count.value() + 1);
      words.add(word);
      lengths.put(word, (long) word.length());
      total.add((long) word.length());
      longest.add((long) word.length());
      seenHere++;
      List<String> all = new ArrayList<>();
      words.get().forEach(all::add);
      out.collect(ctx.getCurrentKey() + ": count=" + count.value() + " words=" + all + " lengths="
          + lengths.get(word) + " total=" + total.get() + " longest=" + longest.get() + " seen=" + seenHere);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      seen.update(List.of(seenHere));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      seen = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("seen", LongSerializer.INSTANCE));
      for (Long restored : seen.get()) {
        seenHere += restored;
      }
    }
  }

  /** The largest value added. */
  static final class Max implements AggregateFunction<Long, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      return Math.max(value, accumulator);
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return Math.max(a, b);
    }
  }

  private static OneInputTestHarness<String, String> harness() {
    return TestHarnesses.forKeyedProcess(new Tally(), (String word) -> word.substring(0, 1));
  }

  @Test
  void everyKindOfStateWorksWithTheGivenSerializerAndRestores() throws Exception {
    OperatorSubtaskState snapshot;
    try (OneInputTestHarness<String, String> first = harness()) {
      first.open();
      first.processElement("apple").processElement("avocado").processElement("banana");
      assertThat(first.extractOutputValues()).containsExactly(
          "a: count=1 words=[apple] lengths=5 total=5 longest=5 seen=1",
          "a: count=2 words=[apple, avocado] lengths=7 total=12 longest=7 seen=2",
          "b: count=1 words=[banana] lengths=6 total=6 longest=6 seen=3");
      snapshot = first.snapshot(1, 0);
    }
    try (OneInputTestHarness<String, String> restored = harness()) {
      restored.initializeState(snapshot, 1).open();
      restored.processElement("apricot");
      assertThat(restored.extractOutputValues()).containsExactly(
          "a: count=3 words=[apple, avocado, apricot] lengths=7 total=19 longest=7 seen=4");
    }
  }
}
