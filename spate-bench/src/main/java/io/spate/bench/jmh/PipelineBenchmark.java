package io.spate.bench.jmh;

import io.spate.api.common.JobExecutionResult;
import io.spate.bench.Workload;
import java.util.Map;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole jobs on the embedded cluster, one job per invocation; an operation is one record, so the
 * score is records per second including job submission and cluster start-up (a few milliseconds
 * per job). The pipelines and job sizes are the harness's {@link Workload}s and defaults; an
 * iteration runs whole jobs until its 5 s are up, so it holds 2 to 20 jobs.
 *
 * <p>Allocation: {@code -prof gc} reports {@code gc.alloc.rate.norm} (bytes per record) from
 * {@code ThreadMXBean.getTotalThreadAllocatedBytes()} when the JVM has it (Java 21, and later Java
 * 17 updates: 17.0.15 has it), which counts the per-job worker threads after they ended. On
 * an older JVM it falls back to summing live threads and misses the workers: then use
 * {@code -prof gc:churn=true} ({@code gc.churn.G1_Eden_Space.norm}) or the harness.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class PipelineBenchmark {

  /** Records per job of the stateless pipelines (as the harness's default). */
  public static final int STATELESS_RECORDS = 50_000_000;
  /** Records per job of the keyed pipeline (as the harness's default). */
  public static final int KEYED_RECORDS = 20_000_000;

  @Param({"1", "2"})
  public int parallelism;

  @Benchmark
  @OperationsPerInvocation(STATELESS_RECORDS)
  public JobExecutionResult passthrough() throws Exception {
    return Workload.PASSTHROUGH.run(parallelism, STATELESS_RECORDS, Map.of());
  }

  @Benchmark
  @OperationsPerInvocation(STATELESS_RECORDS)
  public JobExecutionResult mapFilter() throws Exception {
    return Workload.MAP_FILTER.run(parallelism, STATELESS_RECORDS, Map.of());
  }

  @Benchmark
  @OperationsPerInvocation(KEYED_RECORDS)
  public JobExecutionResult keyByReduce() throws Exception {
    return Workload.KEYBY_REDUCE.run(parallelism, KEYED_RECORDS, Map.of());
  }
}
