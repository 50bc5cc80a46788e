package io.spate.bench.jmh;

import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The work of the three pipelines as plain single-threaded Java loops over the same boxed
 * {@code Long} records, with no engine: the floor that the engine's cost adds to (the "one thread"
 * column of ANCHORS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlainJavaBaseline {

  private static final int RECORDS = 1_000_000;

  private final HashMap<Long, Long> sums = new HashMap<>();
  private long next;

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void passthrough(Blackhole bh) {
    long base = next;
    for (int i = 0; i < RECORDS; i++) {
      bh.consume(Long.valueOf(base + i));
    }
    next = base + RECORDS;
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void mapFilter(Blackhole bh) {
    long base = next;
    for (int i = 0; i < RECORDS; i++) {
      Long record = base + i;
      Long mapped = record + 1;
      if ((mapped & 7) != 0) {
        bh.consume(mapped);
      }
    }
    next = base + RECORDS;
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void keyByReduce(Blackhole bh) {
    long base = next;
    for (int i = 0; i < RECORDS; i++) {
      Long record = base + i;
      Long key = record % 100_000L;
      Long previous = sums.get(key);
      Long updated = previous == null ? record : previous + record;
      sums.put(key, updated);
      bh.consume(updated);
    }
    next = base + RECORDS;
  }
}
