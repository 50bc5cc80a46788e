package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.MultipleConnectedStreams;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.Input;
import io.spate.api.operators.MultipleInputStreamOperator;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A keyed operator with three inputs of three record types, each keyed by a selector of its own,
 * runs on the real task: every record reaches its input with its key current, and the state of a
 * key gathers what all three inputs sent for it.
 */
class MultipleInputOperatorTest {

  private static final int KEYS = 5;
  private static final ValueStateDescriptor<Long> LONGS = new ValueStateDescriptor<>("longs", Types.LONG);
  private static final ValueStateDescriptor<Long> STRINGS = new ValueStateDescriptor<>("strings", Types.LONG);
  private static final ValueStateDescriptor<Long> INTS = new ValueStateDescriptor<>("ints", Types.LONG);

  /** Counts per key what each input sent, and emits "key: longs,strings,ints" at the end of the input. */
  static final class CountPerInput extends AbstractStreamOperator<String> implements MultipleInputStreamOperator<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<Input<?>> getInputs() {
      return List.of(
          (Input<Long>) (value, timestamp) -> count(LONGS, value % KEYS),
          (Input<String>) (value, timestamp) -> count(STRINGS, Long.parseLong(value) % KEYS),
          (Input<Integer>) (value, timestamp) -> count(INTS, (long) (value % KEYS)));
    }

    private void count(ValueStateDescriptor<Long> descriptor, long expectedKey) throws Exception {
      if (!Long.valueOf(expectedKey).equals(getCurrentKey())) {
        throw new IllegalStateException("current key " + getCurrentKey() + ", but the record's key is " + expectedKey);
      }
      ValueState<Long> count = getPartitionedState(descriptor);
      count.update(count.value() == null ? 1 : count.value() + 1);
    }

    @Override
    public void finish() throws Exception {
      List<String> lines = new ArrayList<>();
      getKeyedStateBackend().applyToAllKeys(VoidNamespace.INSTANCE, LONGS, (key, longs) -> lines.add(key + ": "
          + longs.value() + "," + getPartitionedState(STRINGS).value() + "," + getPartitionedState(INTS).value()));
      for (String line : lines) {
        output.collect(line, Long.MIN_VALUE);
      }
    }
  }

  @Test
  void threeKeyedInputsOfThreeTypesMeetInOneOperator() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    KeyedStream<Long, Long> longs = env.fromSequence(0, 999).keyBy(x -> x % KEYS, Types.LONG);
    KeyedStream<String, Long> strings = env.fromSequence(0, 599).map(String::valueOf).returns(Types.STRING)
        .keyBy(s -> Long.parseLong(s) % KEYS, Types.LONG);
    KeyedStream<Integer, Long> ints = env.fromSequence(0, 299).map(Long::intValue).returns(Types.INT)
        .keyBy(i -> (long) (i % KEYS), Types.LONG);
    DataStream<String> counts = MultipleConnectedStreams.of(longs, strings, ints)
        .transform("count per input", Types.STRING, SimpleOperatorFactory.of(new CountPerInput()));

    List<String> lines = counts.executeAndCollect(100);

    List<String> expected = new ArrayList<>();
    for (int key = 0; key < KEYS; key++) {
      expected.add(key + ": " + 1000 / KEYS + "," + 600 / KEYS + "," + 300 / KEYS);
    }
    assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void keyedInputsWithDifferentKeyTypesAreRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    KeyedStream<Long, Long> byLong = env.fromSequence(0, 9).keyBy(x -> x, Types.LONG);
    KeyedStream<Long, String> byString = env.fromSequence(0, 9).keyBy(x -> "k" + x, Types.STRING);
    assertThatThrownBy(() -> MultipleConnectedStreams.of(byLong, byString)
        .transform("mixed", Types.STRING, SimpleOperatorFactory.of(new CountPerInput())))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'mixed'")
        .hasMessageContaining("key type");
  }

  @Test
  void aOneInputOperatorOnMultipleStreamsIsRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThatThrownBy(() -> MultipleConnectedStreams.of(env.fromSequence(0, 9), env.fromSequence(0, 9))
        .transform("sums", Types.STRING, SimpleOperatorFactory.of(new WindowSumOperator(10))))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'sums'")
        .hasMessageContaining("MultipleInputStreamOperator");
  }
}
