package io.spate.bench.jmh;

import io.spate.runtime.timers.HeapTimerQueue;
import io.spate.runtime.timers.Timer;
import io.spate.api.operators.state.VoidNamespace;
import java.util.SplittableRandom;
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

/**
 * The heap timer queue in a steady state, as an operator with a timer per key sees it (auctions
 * that expire, windows that close): each operation registers a timer some way ahead of the current
 * time, a duplicate of a timer already set, and fires the earliest one. {@code live} timers stay
 * queued throughout.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TimerQueueBenchmark {

  private static final int BATCH = 1024;
  private static final int KEYS = 1 << 20;

  @Param({"10000", "100000"})
  public int live;

  private final Long[] keys = new Long[KEYS];
  private final long[] delays = new long[BATCH * 16];
  private HeapTimerQueue queue;
  private long now;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < KEYS; i++) {
      keys[i] = random.nextLong(1_000_000_000L);
    }
    for (int i = 0; i < delays.length; i++) {
      delays[i] = random.nextLong(2 * (long) live);
    }
    queue = new HeapTimerQueue();
    while (queue.size() < live) {
      add();
    }
  }

  private void add() {
    int i = next++;
    queue.add(now + delays[i % delays.length], keys[i & (KEYS - 1)], VoidNamespace.INSTANCE);
  }

  /** One new timer, one duplicate registration and one fired timer per operation. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long registerAndFire() {
    long sum = 0;
    for (int i = 0; i < BATCH; i++) {
      add();
      int previous = next - 2;
      queue.add(now + delays[previous % delays.length], keys[previous & (KEYS - 1)], VoidNamespace.INSTANCE);
      Timer fired = queue.poll();
      now = fired.timestamp();
      sum += now;
    }
    return sum;
  }
}
