package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A two-input operator of the SPI, added with {@code transform} on keyed connected streams, runs keyed. */
class TwoInputTransformTest {

  private static final int KEYS = 4;
  private static final ValueStateDescriptor<Long> FIRST = new ValueStateDescriptor<>("first", Types.LONG);
  private static final ValueStateDescriptor<Long> SECOND = new ValueStateDescriptor<>("second", Types.LONG);

  /** Sums per key what each side sent, and emits "key: first,second" at the end of the input. */
  static final class SumBothSides extends AbstractStreamOperator<String>
      implements TwoInputStreamOperator<Long, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement1(Long value, long timestamp) throws Exception {
      add(FIRST, value, value % KEYS);
    }

    @Override
    public void processElement2(String value, long timestamp) throws Exception {
      add(SECOND, value.length(), (long) (value.length() % KEYS));
    }

    private void add(ValueStateDescriptor<Long> descriptor, long amount, long expectedKey) throws Exception {
      if (!Long.valueOf(expectedKey).equals(getCurrentKey())) {
        throw new IllegalStateException("current key " + getCurrentKey() + ", but the record's key is " + expectedKey);
      }
      ValueState<Long> sum = getPartitionedState(descriptor);
      sum.update(sum.value() == null ? amount : sum.value() + amount);
    }

    @Override
    public void finish() throws Exception {
      List<String> lines = new ArrayList<>();
      getKeyedStateBackend().applyToAllKeys(VoidNamespace.INSTANCE, FIRST,
          (key, first) -> lines.add(key + ": " + first.value() + "," + getPartitionedState(SECOND).value()));
      for (String line : lines) {
        output.collect(line, Long.MIN_VALUE);
      }
    }
  }

  @Test
  void keyedConnectedStreamsRunATransformedTwoInputOperatorPerKey() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    DataStream<Long> numbers = env.fromSequence(0, 399);
    DataStream<String> words = env.fromSequence(1, 40).map(n -> "x".repeat(n.intValue())).returns(Types.STRING);
    List<String> lines = numbers.connect(words)
        .keyBy(x -> x % KEYS, s -> (long) (s.length() % KEYS))
        .transform("sum both sides", Types.STRING, new SumBothSides())
        .executeAndCollect(100);

    long[] first = new long[KEYS];
    long[] second = new long[KEYS];
    for (long x = 0; x < 400; x++) {
      first[(int) (x % KEYS)] += x;
    }
    for (int n = 1; n <= 40; n++) {
      second[n % KEYS] += n;
    }
    List<String> expected = new ArrayList<>();
    for (int key = 0; key < KEYS; key++) {
      expected.add(key + ": " + first[key] + "," + second[key]);
    }
    assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aOneInputOperatorOnConnectedStreamsIsRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThatThrownBy(() -> env.fromSequence(0, 9).connect(env.fromSequence(0, 9))
        .transform("sums", Types.STRING, SimpleOperatorFactory.of(new WindowSumOperator(10))))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'sums'")
        .hasMessageContaining("TwoInputStreamOperator");
  }
}
