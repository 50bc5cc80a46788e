package io.spate.bench.jmh;

import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.RecordWriter;
import io.spate.runtime.partition.KeyGroupPartitioner;
import io.spate.runtime.partition.RoundRobinPartitioner;
import io.spate.runtime.partition.StreamPartitioner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One thread writing records into a network edge with {@link RecordWriter#emit} and then reading
 * them back as a consumer would (poll, read every record, recycle the batch): the engine's per-record
 * cost of crossing a task boundary, without the second thread. {@code edge}: {@code one} is a single
 * channel (forward), {@code keyed2} a key-group edge to two consumers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecordWriterBenchmark {

  private static final int BATCH = 256;
  private static final int RECORDS = 16 * BATCH;

  @Param({"one", "keyed2"})
  public String edge;

  private final Long[] records = new Long[RECORDS];
  private LocalChannel[] channels;
  private RecordWriter writer;

  @Setup
  public void setUp() {
    for (int i = 0; i < RECORDS; i++) {
      records[i] = 1_000_000L + i;
    }
    StreamPartitioner partitioner;
    if (edge.equals("one")) {
      channels = new LocalChannel[] {new LocalChannel("bench-0", 64)};
      partitioner = new RoundRobinPartitioner();
    } else {
      channels = new LocalChannel[] {new LocalChannel("bench-0", 64), new LocalChannel("bench-1", 64)};
      KeySelector<Long, Long> selector = x -> x % 100_000L;
      partitioner = new KeyGroupPartitioner(selector, Types.LONG, 128);
    }
    writer = new RecordWriter(channels, partitioner, BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void emitAndConsume(Blackhole bh) throws Exception {
    for (int i = 0; i < RECORDS; i++) {
      writer.emit(records[i], Long.MIN_VALUE);
    }
    writer.flush();
    for (LocalChannel channel : channels) {
      Object element;
      while ((element = channel.poll()) != null) {
        RecordBatch batch = (RecordBatch) element;
        for (int i = 0, n = batch.size(); i < n; i++) {
          bh.consume(batch.value(i));
        }
        channel.recycle(batch);
      }
    }
  }
}
