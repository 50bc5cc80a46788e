package io.spate.bench.jmh;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ReduceFunction;
import io.spate.runtime.operators.KeyedReduceOperator;
import io.spate.api.operators.Output;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The keyed reduce operator alone, fed pre-boxed records over 100 000 keys, emitting into a
 * black hole: the per-record cost of the keyed state and the reduce, without the exchange.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class KeyedReduceOperatorBenchmark {

  private static final int N = 1 << 16;

  private final Long[] records = new Long[N];
  private KeyedReduceOperator<Long, Long> operator;
  private int offset;

  @Setup
  public void setUp(Blackhole bh) throws Exception {
    for (int i = 0; i < N; i++) {
      records[i] = 1_000_000L + i * 3L;
    }
    KeySelector<Long, Long> selector = x -> x % 100_000L;
    ReduceFunction<Long> sum = (a, b) -> a + b;
    operator = new KeyedReduceOperator<>(sum, selector, io.spate.api.typeinfo.Types.LONG);
    io.spate.api.configuration.Configuration conf = new io.spate.api.configuration.Configuration();
    operator.setup(io.spate.runtime.operators.TaskOperatorParameters.standalone(
        new io.spate.runtime.operators.OperatorContext(io.spate.api.common.JobID.generate(), "reduce",
        new io.spate.api.common.TaskInfo("reduce", 0, 1, 128, 0), new io.spate.api.common.ExecutionConfig(conf),
        io.spate.api.common.RuntimeExecutionMode.STREAMING,
        new io.spate.api.metrics.groups.UnregisteredMetricsGroup(),
        KeyedReduceOperatorBenchmark.class.getClassLoader(), new io.spate.runtime.tasks.TaskProcessingTimeService(), 128,
        io.spate.api.typeinfo.Types.LONG, conf, java.util.OptionalLong.empty(),
        io.spate.runtime.state.snapshot.OperatorSubtaskState.EMPTY), new Output<>() {
      @Override
      public void collect(Long value, long timestamp) {
        bh.consume(value);
      }

      @Override
      public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

      @Override
      public void emitWatermark(long watermark) {}

      @Override
      public void emitWatermarkStatus(io.spate.api.operators.WatermarkStatus status) {}
    }));
    operator.open();
    // Fill the state with every key once so that the measurement sees the steady state.
    for (long k = 0; k < 100_000; k++) {
      operator.processElement(k, Long.MIN_VALUE);
    }
  }

  @Benchmark
  @OperationsPerInvocation(1024)
  public void processElement() throws Exception {
    int start = offset;
    for (int i = 0; i < 1024; i++) {
      operator.processElement(records[(start + i) & (N - 1)], Long.MIN_VALUE);
    }
    offset = (start + 1024) & (N - 1);
  }
}
