package io.spate.bench.jmh;

import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.partition.KeyGroupPartitioner;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-record cost of routing by key: the key-group arithmetic alone, and the whole
 * {@link KeyGroupPartitioner#selectChannel} (key selector, key hash, key group, subtask) over
 * pre-boxed records, as the keyBy workload does it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class KeyGroupBenchmark {

  private static final int N = 4096;

  private final Long[] records = new Long[N];
  private final int[] hashes = new int[N];
  private KeyGroupPartitioner partitioner;

  @Setup
  public void setUp() {
    for (int i = 0; i < N; i++) {
      long value = 1_000_000L + i * 7919L;
      records[i] = value;
      hashes[i] = Long.hashCode(value % 100_000L);
    }
    KeySelector<Long, Long> selector = x -> x % 100_000L;
    partitioner = new KeyGroupPartitioner(selector, Types.LONG, 128);
    partitioner.setup(2);
  }

  /** murmur finalisation, modulo max parallelism, then key group to subtask. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int keyGroupArithmetic() {
    int sum = 0;
    for (int i = 0; i < N; i++) {
      int group = KeyGroupAssignment.keyGroupForHash(hashes[i], 128);
      sum += KeyGroupAssignment.subtaskForKeyGroup(group, 128, 2);
    }
    return sum;
  }

  /** The partitioner of a keyBy edge for a Long key computed from a Long record. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int partitionerSelectChannel() throws Exception {
    int sum = 0;
    for (int i = 0; i < N; i++) {
      sum += partitioner.selectChannel(records[i]);
    }
    return sum;
  }
}
