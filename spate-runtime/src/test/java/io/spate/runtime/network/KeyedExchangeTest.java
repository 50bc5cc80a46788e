package io.spate.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.runtime.partition.KeyGroupPartitioner;
import io.spate.runtime.partition.StreamPartitioner;
import io.spate.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A keyed exchange hands each record's key from the producer, which computed it to pick the
 * channel, to the keyed operator that consumes it: the key selector runs once per record, and the
 * operator still sees the right key.
 */
class KeyedExchangeTest {

  private static final AtomicLong SELECTOR_CALLS = new AtomicLong();

  /** The key of a number: its remainder by 7, counting how often it is asked. */
  static final class CountingSelector implements KeySelector<Long, Long> {
    @Override
    public Long getKey(Long value) {
      SELECTOR_CALLS.incrementAndGet();
      return value % 7;
    }
  }

  /** Emits "current key / key of the value" so that a wrong key shows in the output. */
  static final class KeyCheck extends KeyedProcessFunction<Long, Long, String> {
    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + "/" + (value % 7));
    }
  }

  /** The same check on both inputs of a connected keyed stream. */
  static final class CoKeyCheck extends KeyedCoProcessFunction<Long, Long, Long, String> {
    @Override
    public void processElement1(Long value, Context ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + "/" + (value % 7));
    }

    @Override
    public void processElement2(Long value, Context ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + "/" + (value % 7));
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void theKeySelectorRunsOncePerRecordAndTheOperatorSeesItsKey(int parallelism) throws Exception {
    SELECTOR_CALLS.set(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<String> out = collect(env.fromSequence(0, 9_999).keyBy(new CountingSelector(), Types.LONG)
        .process(new KeyCheck()).returns(Types.STRING));

    assertThat(out).hasSize(10_000).allSatisfy(KeyedExchangeTest::keysAgree);
    assertThat(SELECTOR_CALLS.get()).isEqualTo(10_000);
  }

  @Test
  void bothInputsOfAConnectedKeyedStreamHandOverTheirKeys() throws Exception {
    SELECTOR_CALLS.set(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> left = env.fromSequence(0, 4_999);
    DataStream<Long> right = env.fromSequence(5_000, 9_999);
    List<String> out = collect(left.connect(right).keyBy(new CountingSelector(), new CountingSelector())
        .process(new CoKeyCheck()).returns(Types.STRING));

    assertThat(out).hasSize(10_000).allSatisfy(KeyedExchangeTest::keysAgree);
    assertThat(SELECTOR_CALLS.get()).isEqualTo(10_000);
  }

  @Test
  void onlyAKeyedPartitionerPutsKeysIntoBatches() throws Exception {
    KeyGroupPartitioner keyed = new KeyGroupPartitioner(new CountingSelector(), Types.LONG, 128);
    RecordBatch keyedBatch = firstBatch(keyed, 2);
    assertThat(keyedBatch.hasKeys()).isTrue();
    for (int i = 0; i < keyedBatch.size(); i++) {
      assertThat(keyedBatch.key(i)).isEqualTo((Long) keyedBatch.value(i) % 7);
    }
    keyedBatch.clear();
    assertThat(keyedBatch.hasKeys()).isFalse();
    // one channel needs no routing, but the consumer still gets the keys
    assertThat(firstBatch(new KeyGroupPartitioner(new CountingSelector(), Types.LONG, 128), 1).hasKeys()).isTrue();

    StreamPartitioner roundRobin = new StreamPartitioner() {
      private int next;

      @Override
      public void setup(int numberOfChannels) {}

      @Override
      public int selectChannel(Object record) {
        return next++ % 2;
      }
    };
    assertThat(firstBatch(roundRobin, 2).hasKeys()).isFalse();
  }

  /** Writes 0..99 through {@code partitioner} into {@code channels} channels; returns channel 0's first batch. */
  private static RecordBatch firstBatch(StreamPartitioner partitioner, int channels) throws Exception {
    LocalChannel[] local = new LocalChannel[channels];
    for (int c = 0; c < channels; c++) {
      local[c] = new LocalChannel("c" + c, 16);
    }
    RecordWriter writer = new RecordWriter(local, partitioner, 1_000);
    for (long i = 0; i < 100; i++) {
      writer.emit(i, i);
    }
    writer.flush();
    return (RecordBatch) local[0].poll();
  }

  private static void keysAgree(String row) {
    String[] keys = row.split("/");
    assertThat(keys[0]).as(row).isEqualTo(keys[1]);
  }

  private static List<String> collect(DataStream<String> stream) throws Exception {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<String> it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
