package io.spate.bench;

import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.runtime.state.heap.HeapKeyedStateBackend;
import io.spate.runtime.state.snapshot.AsyncSnapshot;
import io.spate.runtime.state.snapshot.KeyedStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The heap backend's per-record state cost and snapshot parts, timed in the CPU time of the thread
 * (so that other processes on a busy machine disturb it less than wall-clock time): a {@code
 * ValueState<Long>} counter over N keys (128 key groups) is filled, updated without a snapshot,
 * snapshotted (synchronous part), updated while that snapshot is still unwritten, then written
 * (asynchronous part, into memory). Prints the medians over the rounds after the first two.
 *
 * <pre>
 * java -cp spate-bench/target/spate-bench.jar io.spate.bench.HeapStateCpuBench [keys 1000000] [rounds 7]
 * </pre>
 */
public final class HeapStateCpuBench {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private HeapStateCpuBench() {}

  /** The command line; see the class comment. */
  public static void main(String[] args) throws Exception {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<Double> insert = new ArrayList<>();
    List<Double> update = new ArrayList<>();
    List<Double> sync = new ArrayList<>();
    List<Double> updateDuringSnapshot = new ArrayList<>();
    List<Double> async = new ArrayList<>();
    Long[] boxed = new Long[keys];
    for (int i = 0; i < keys; i++) {
      boxed[i] = (long) i;
    }
    for (int round = 0; round < rounds; round++) {
      HeapKeyedStateBackend<Long> backend = new HeapKeyedStateBackend<>(Types.LONG, 128, new KeyGroupRange(0, 127));
      ValueState<Long> count = backend.getPartitionedState(VoidNamespace.INSTANCE,
          new ValueStateDescriptor<>("count", Types.LONG));
      long t0 = cpu();
      increment(backend, count, boxed);
      long t1 = cpu();
      for (int i = 0; i < 3; i++) {
        increment(backend, count, boxed);
      }
      long t2 = cpu();
      AsyncSnapshot<KeyedStateHandle> snapshot =
          backend.snapshot(round, new MemoryCheckpointStreamFactory(Integer.MAX_VALUE));
      long t3 = cpu();
      increment(backend, count, boxed);
      long t4 = cpu();
      snapshot.write();
      long t5 = cpu();
      System.out.printf(Locale.ROOT, "round %d: insert %.0f ns/key, update %.0f ns/key, sync %.1f ms,"
              + " update during snapshot %.0f ns/key, async %.0f ms%n", round, (t1 - t0) / (double) keys,
          (t2 - t1) / (3.0 * keys), (t3 - t2) / 1e6, (t4 - t3) / (double) keys, (t5 - t4) / 1e6);
      if (round >= 2) {
        insert.add((t1 - t0) / (double) keys);
        update.add((t2 - t1) / (3.0 * keys));
        sync.add((t3 - t2) / 1e6);
        updateDuringSnapshot.add((t4 - t3) / (double) keys);
        async.add((t5 - t4) / 1e6);
      }
    }
    System.out.printf(Locale.ROOT, "medians: insert %.0f ns/key, update %.0f ns/key, sync %.1f ms,"
            + " update during snapshot %.0f ns/key, async %.0f ms (%d keys, %d rounds counted)%n",
        median(insert), median(update), median(sync), median(updateDuringSnapshot), median(async), keys,
        insert.size());
  }

  private static void increment(HeapKeyedStateBackend<Long> backend, ValueState<Long> count, Long[] keys)
      throws Exception {
    for (Long key : keys) {
      backend.setCurrentKey(key);
      Long c = count.value();
      count.update(c == null ? 1L : c + 1);
    }
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
