package io.spate.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.functions.source.datagen.DataGeneratorSource;
import io.spate.api.functions.source.datagen.RandomGenerator;
import io.spate.api.functions.source.datagen.SequenceGenerator;
import io.spate.api.typeinfo.Types;
import io.spate.api.datastream.CloseableIterator;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.Await;
import io.spate.testing.FactoryHarnesses;
import io.spate.testing.OneInputTestHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The legacy data generator source: a sequence is emitted once over all parallel instances and goes
 * on after a restore exactly where its checkpoint stood; a row limit ends it.
 */
class LegacyDataGeneratorSourceTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final List<OneInputTestHarness<Void, ?>> harnesses = new ArrayList<>();

  @AfterEach
  void closeHarnesses() throws Exception {
    for (OneInputTestHarness<Void, ?> harness : harnesses) {
      harness.close();
    }
  }

  private <T> OneInputTestHarness<Void, T> harness(SourceFunction<T> function) {
    OneInputTestHarness<Void, T> harness =
        FactoryHarnesses.of(new SourceFunctionOperatorTest.GraceFactory<>(function, 1_000), "Generator");
    harnesses.add(harness);
    return harness;
  }

  @SuppressWarnings("unchecked")
  private static <T> SourceFunctionOperator<T> operatorOf(OneInputTestHarness<Void, T> harness) {
    return (SourceFunctionOperator<T>) harness.getOperator();
  }

  @Test
  void aRestoredSequenceGoesOnWhereItsCheckpointStood() throws Exception {
    long end = 20_000;
    OneInputTestHarness<Void, Long> first =
        harness(new DataGeneratorSource<>(SequenceGenerator.longGenerator(0, end - 1)));
    SourceFunctionOperator<Long> operator = operatorOf(first);
    Await.until(WAIT, "some records", () -> {
      SourceFunctionOperatorTest.drain(operator);
      return first.extractOutputValues().size() >= 300;
    });
    Await.until(WAIT, "the checkpoint lock", () -> SourceFunctionOperatorTest.readyAfterPolling(operator));
    OperatorSubtaskState snapshot = first.snapshot(1, 0);
    operator.checkpointTaken();
    List<Long> beforeBarrier = List.copyOf(first.extractOutputValues());
    first.close();

    OneInputTestHarness<Void, Long> second =
        harness(new DataGeneratorSource<>(SequenceGenerator.longGenerator(0, end - 1))).initializeState(snapshot, 1);
    SourceFunctionOperator<Long> restored = operatorOf(second);
    Await.until(WAIT, "the sequence to end", () -> SourceFunctionOperatorTest.drain(restored) == InputStatus.END_OF_INPUT);

    assertThat(beforeBarrier).hasSizeBetween(300, (int) end - 1);
    List<Long> all = new ArrayList<>(beforeBarrier);
    all.addAll(second.extractOutputValues());
    assertThat(all).containsExactlyElementsOf(LongStream.range(0, end).boxed().toList());
  }

  @Test
  void parallelInstancesShareASequenceAndARowLimit() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<Integer> sequence = collect(env.addSource(new DataGeneratorSource<>(SequenceGenerator.intGenerator(1, 100)),
        "sequence", Types.INT));
    assertThat(sequence).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());

    List<Integer> limited = collect(StreamExecutionEnvironment.createLocalEnvironment(3)
        .addSource(new DataGeneratorSource<>(RandomGenerator.intGenerator(5, 9), 1_000_000, 50L), "random", Types.INT));
    assertThat(limited).hasSize(50).allSatisfy(v -> assertThat(v).isBetween(5, 9));

    List<String> strings = collect(StreamExecutionEnvironment.createLocalEnvironment(2)
        .addSource(new DataGeneratorSource<>(SequenceGenerator.stringGenerator(1, 4)), "strings", Types.STRING));
    assertThat(strings).containsExactlyInAnyOrder("1", "2", "3", "4");
  }

  @Test
  void everySequenceTypeConvertsTheNumbers() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(collect(env.addSource(new DataGeneratorSource<>(SequenceGenerator.shortGenerator((short) 1, (short) 3)),
        "shorts", Types.SHORT))).containsExactly((short) 1, (short) 2, (short) 3);
    assertThat(collect(env.addSource(new DataGeneratorSource<>(SequenceGenerator.byteGenerator((byte) 1, (byte) 3)),
        "bytes", Types.BYTE))).containsExactly((byte) 1, (byte) 2, (byte) 3);
    assertThat(collect(env.addSource(new DataGeneratorSource<>(SequenceGenerator.floatGenerator((short) 1, (short) 2)),
        "floats", Types.FLOAT))).containsExactly(1f, 2f);
    assertThat(collect(env.addSource(new DataGeneratorSource<>(SequenceGenerator.doubleGenerator(1, 2)),
        "doubles", Types.DOUBLE))).containsExactly(1.0, 2.0);
    assertThat(collect(env.addSource(new DataGeneratorSource<>(SequenceGenerator.bigDecimalGenerator(7, 8, 3, 2)),
        "decimals", Types.BIG_DEC))).containsExactly(new BigDecimal("7.00"), new BigDecimal("8.00"));
  }

  private static <T> List<T> collect(io.spate.api.datastream.DataStream<T> stream) throws Exception {
    List<T> out = new ArrayList<>();
    try (CloseableIterator<T> it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
