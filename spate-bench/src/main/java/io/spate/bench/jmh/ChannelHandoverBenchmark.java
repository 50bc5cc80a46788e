package io.spate.bench.jmh;

import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordBatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hand-over of record batches through one {@link LocalChannel} from a producer thread to a
 * consumer thread (two cores): the producer fills a (recycled) batch with references and offers
 * it; the consumer polls it, reads every reference and recycles it. Neither side blocks: a full or
 * empty channel makes that call return. The score to read is the consumer's {@code records}
 * counter, records handed over per second.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChannelHandoverBenchmark {

  @Param({"256"})
  public int batchSize;

  @Param({"16"})
  public int capacity;

  private LocalChannel channel;
  private Long[] records;

  @Setup(Level.Iteration)
  public void setUp() {
    channel = new LocalChannel("bench", capacity);
    records = new Long[batchSize];
    for (int i = 0; i < batchSize; i++) {
      records[i] = 1_000_000L + i;
    }
  }

  /** Records handed over, counted by the consumer. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Handed {
    public long records;
  }

  @Benchmark
  @Group("handover")
  @GroupThreads(1)
  public boolean produce() {
    if (!channel.hasCapacity()) {
      Thread.onSpinWait();
      return false;
    }
    RecordBatch batch = channel.obtainBatch(batchSize);
    for (int i = 0; i < batchSize; i++) {
      batch.add(records[i], Long.MIN_VALUE);
    }
    return channel.offer(batch);
  }

  @Benchmark
  @Group("handover")
  @GroupThreads(1)
  public void consume(Handed handed, Blackhole bh) {
    Object element = channel.poll();
    if (element == null) {
      Thread.onSpinWait();
      return;
    }
    RecordBatch batch = (RecordBatch) element;
    int n = batch.size();
    for (int i = 0; i < n; i++) {
      bh.consume(batch.value(i));
    }
    handed.records += n;
    channel.recycle(batch);
  }
}
