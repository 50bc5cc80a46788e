package io.spate.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.Types;
import io.spate.api.util.NumberSequenceIterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** env.fromParallelCollection: each subtask of the source emits its own split, and together they emit every element once. */
class FromSplittableIteratorFunctionTest {

  /** Tags each number with the subtask that read it (the map chains to the source, so it is the same subtask). */
  static final class TagWithSubtask extends RichMapFunction<Long, Tuple2<Integer, Long>> {
    @Override
    public Tuple2<Integer, Long> map(Long value) {
      return Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), value);
    }
  }

  @Test
  void everySubtaskReadsItsOwnSplitAndTogetherTheyReadEachElementOnce() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<Tuple2<Integer, Long>> out = env.fromParallelCollection(new NumberSequenceIterator(1, 90), Long.class)
        .map(new TagWithSubtask()).returns(Types.TUPLE(Types.INT, Types.LONG))
        .executeAndCollect(1000);

    assertThat(out.stream().map(t -> t.f1).sorted().collect(Collectors.toList()))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 90).boxed().collect(Collectors.toList()));
    Map<Integer, TreeSet<Long>> bySubtask = new TreeMap<>();
    out.forEach(t -> bySubtask.computeIfAbsent(t.f0, k -> new TreeSet<>()).add(t.f1));
    assertThat(bySubtask).containsOnlyKeys(0, 1, 2);
    for (TreeSet<Long> split : bySubtask.values()) {
      assertThat(split.last() - split.first() + 1).as("a split of a number sequence is a contiguous range")
          .isEqualTo(split.size());
    }
  }

  @Test
  void moreSubtasksThanTheIteratorCanSplitIntoFailsNamingBoth() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    assertThatThrownBy(() -> env.fromParallelCollection(new NumberSequenceIterator(1, 2), Types.LONG)
            .executeAndCollect(10))
        .hasStackTraceContaining("splits into at most 2 parts")
        .hasStackTraceContaining("parallelism 3");
  }
}
