package io.spate.bench.jmh;

import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import java.time.Duration;
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
 * Events per second that one thread generates with {@link NexmarkGenerator}: the cost the Nexmark
 * source adds to every benchmark query, with Nexmark's default configuration (1:3:46, padded to
 * 200/500/100 bytes) and with 100 ms of out-of-orderness.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NexmarkGeneratorBenchmark {

  private static final int N = 4096;

  @Param({"0", "100"})
  public int outOfOrdernessMillis;

  private NexmarkGenerator generator;
  private long next;

  @Setup
  public void setUp() {
    generator = new NexmarkGenerator(NexmarkConfiguration.builder().unbounded().seed(42)
        .outOfOrderness(Duration.ofMillis(outOfOrdernessMillis)).build());
  }

  /** Generates the next {@value #N} events of the stream; the score is events per second. */
  @Benchmark
  @OperationsPerInvocation(N)
  public void generate(Blackhole blackhole) {
    NexmarkGenerator gen = generator;
    long n = next;
    for (int i = 0; i < N; i++) {
      Event event = gen.eventAt(n + i);
      blackhole.consume(event);
    }
    next = n + N;
  }
}
