package io.spate.api.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rich kinds of Flink's other function interfaces keep a life cycle and a runtime context; rich
 * window joins are run in jobs (AccumulatorsE2ETest), rich incremental aggregations refused as in Flink.
 */
class FlinkRichFunctionsTest {

  /** Sums a partition, reporting whether it was opened. */
  static final class SummingPartition extends RichMapPartitionFunction<Integer, String> {
    private boolean opened;

    @Override
    public void open(OpenContext openContext) {
      opened = true;
    }

    @Override
    public void mapPartition(Iterable<Integer> values, Collector<String> out) {
      int sum = 0;
      for (int value : values) {
        sum += value;
      }
      out.collect((opened ? "opened " : "") + sum);
    }
  }

  @Test
  void aRichMapPartitionFunctionOpensWithTheDefaultContextAndReadsItsPartition() throws Exception {
    SummingPartition function = new SummingPartition();
    function.open(DefaultOpenContext.INSTANCE);
    List<String> out = new ArrayList<>();
    MapPartitionFunction<Integer, String> asInterface = function;
    asInterface.mapPartition(List.of(1, 2, 3), new Collector<>() {
      @Override
      public void collect(String record) {
        out.add(record);
      }

      @Override
      public void close() {}
    });
    assertThat(out).containsExactly("opened 6");
    assertThat(new DefaultOpenContext()).isInstanceOf(OpenContext.class);
    assertThatThrownBy(function::getRuntimeContext).hasMessageContaining("not available before open()");
  }

  /** Counts, with a life cycle it does not need. */
  static final class Count extends RichAggregateFunction<Long, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      return accumulator + 1;
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  @Test
  void aRichAggregateFunctionIsRefusedByWindowAggregationsAsInFlink() {
    Count count = new Count();
    assertThat(count.getResult(count.add(5L, count.add(4L, count.createAccumulator())))).isEqualTo(2L);
    assertThat(count.merge(2L, 3L)).isEqualTo(5L);
    StreamExecutionEnvironment env = new StreamExecutionEnvironment();
    assertThatThrownBy(() -> env.fromElements(1L, 2L).keyBy(v -> v).countWindow(2).aggregate(count))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("must not be a rich function");
  }

  @Test
  void richJoinAndCoGroupFunctionsAreRichFunctions() throws Exception {
    RichJoinFunction<Integer, Integer, Integer> join = new RichJoinFunction<>() {
      @Override
      public Integer join(Integer first, Integer second) {
        return first + second;
      }
    };
    RichFlatJoinFunction<Integer, Integer, Integer> flatJoin = new RichFlatJoinFunction<>() {
      @Override
      public void join(Integer first, Integer second, Collector<Integer> out) {
        out.collect(first * second);
      }
    };
    RichCoGroupFunction<Integer, Integer, Integer> coGroup = new RichCoGroupFunction<>() {
      @Override
      public void coGroup(Iterable<Integer> first, Iterable<Integer> second, Collector<Integer> out) {
        out.collect(0);
      }
    };
    assertThat(join.join(2, 3)).isEqualTo(5);
    assertThat(List.<RichFunction>of(join, flatJoin, coGroup)).allSatisfy(f -> assertThat(f).isInstanceOf(AbstractRichFunction.class));
  }
}
