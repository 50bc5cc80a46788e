package io.spate.bench;

import io.spate.api.configuration.Configuration;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.api.operators.state.VoidNamespace;
import io.spate.state.rocksdb.RocksDBKeyedStateBackendFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What opening a RocksDB state backend as a TtlDB ({@code
 * state.backend.rocksdb.ttl.compaction-filter.enabled}) costs a state without TTL: the rate of a
 * read-and-update loop on a {@code ValueState<Long>} over a fixed set of keys, with the option off
 * and on, alternating, several runs each; prints each run and the medians, by wall time and by the
 * CPU time of the updating thread (which other processes on a busy machine disturb far less; the
 * flushes and compactions of RocksDB's background threads are not in it).
 *
 * <pre>
 * java -cp spate-bench/target/spate-bench.jar io.spate.bench.RocksDBTtlDbOverheadBench
 *     [runs=5] [updates=2000000] [keys=100000] [dir=/tmp/spate-ttldb-bench]
 * </pre>
 */
public final class RocksDBTtlDbOverheadBench {

  private RocksDBTtlDbOverheadBench() {}

  /** The command line; see the class comment. */
  public static void main(String[] args) throws Exception {
    int runs = intArg(args, "runs", 5);
    int updates = intArg(args, "updates", 2_000_000);
    int keys = intArg(args, "keys", 100_000);
    Path dir = Path.of(stringArg(args, "dir", "/tmp/spate-ttldb-bench"));
    Files.createDirectories(dir);
    System.out.println(ThroughputBench.machine());
    System.out.printf(Locale.ROOT, "runs=%d updates=%d keys=%d dir=%s%n", runs, updates, keys, dir);
    run(dir, false, updates / 4, keys); // warm-up of both paths
    run(dir, true, updates / 4, keys);
    List<Double> plain = new ArrayList<>();
    List<Double> ttlDb = new ArrayList<>();
    List<Double> plainCpu = new ArrayList<>();
    List<Double> ttlDbCpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      boolean ttlFirst = i % 2 == 1; // alternate the order so that drift does not favour one
      for (boolean ttl : new boolean[] {ttlFirst, !ttlFirst}) {
        double[] rate = run(dir, ttl, updates, keys);
        (ttl ? ttlDb : plain).add(rate[0]);
        (ttl ? ttlDbCpu : plainCpu).add(rate[1]);
        System.out.printf(Locale.ROOT, "run %d %-6s %,12.0f updates/s wall %,12.0f updates/cpu-s%n", i + 1,
            ttl ? "ttldb" : "plain", rate[0], rate[1]);
      }
    }
    System.out.printf(Locale.ROOT, "median plain %,12.0f updates/s wall %,12.0f updates/cpu-s%n", median(plain),
        median(plainCpu));
    System.out.printf(Locale.ROOT, "median ttldb %,12.0f updates/s wall %,12.0f updates/cpu-s%n", median(ttlDb),
        median(ttlDbCpu));
    System.out.printf(Locale.ROOT, "ttldb / plain = %.3f (wall), %.3f (cpu)%n", median(ttlDb) / median(plain),
        median(ttlDbCpu) / median(plainCpu));
  }

  /** One run: {updates per wall second, updates per CPU second of this thread}. */
  private static double[] run(Path dir, boolean ttlDb, int updates, int keys) throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.LOCAL_DIRECTORY, dir.toString())
        .set(RocksDBOptions.TTL_COMPACTION_FILTER, ttlDb);
    CheckpointableKeyedStateBackend<Long> backend = new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(
        Types.LONG, 128, new KeyGroupRange(0, 127), conf, "ttldb-bench", System::currentTimeMillis));
    try {
      ValueState<Long> count = backend.getPartitionedState(VoidNamespace.INSTANCE,
          new ValueStateDescriptor<>("count", Long.class));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < updates; i++) {
        backend.setCurrentKey((long) (i % keys));
        Long value = count.value();
        count.update(value == null ? 1L : value + 1);
      }
      long wall = System.nanoTime() - start;
      long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
      return new double[] {updates / (wall / 1e9), updates / (cpu / 1e9)};
    } finally {
      backend.dispose();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return arg.substring(name.length() + 1);
      }
    }
    return fallback;
  }
}
