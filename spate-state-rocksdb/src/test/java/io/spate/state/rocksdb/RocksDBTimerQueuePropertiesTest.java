package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.IntSerializer;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.timers.Timer;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.api.operators.state.VoidNamespace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB timer queue against a sorted set: random adds (with duplicates), removes and polls up
 * to a watermark, over keys in four key groups and a cache of a few rows per key group (so that
 * caches overflow and refill from RocksDB), keep one timer per (timestamp, key, namespace) and fire
 * them in timestamp order.
 */
class RocksDBTimerQueuePropertiesTest {

  static {
    RocksDB.loadLibrary();
  }

  /** kind 0 adds, 1 removes, 2 polls every timer up to {@code timestamp} (a watermark). */
  record Op(int kind, long timestamp, int key, int namespace) {}

  record Entry(long timestamp, int key, int namespace) {}

  private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::timestamp)
      .thenComparingInt(Entry::key).thenComparingInt(Entry::namespace);

  private static final List<Object> NAMESPACES =
      List.of(VoidNamespace.INSTANCE, new TimeWindow(0, 10), new TimeWindow(-5, 3));

  private static Gen<List<Op>> operations() {
    // Half the timestamps from a small range, half the extremes and values around the cache's edges.
    Gen<Long> timestamps = Generate.frequency(List.of(Pair.of(1, SourceDSL.longs().between(-6, 30)),
        Pair.of(1, Generate.pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 256L)))));
    Gen<Op> op = SourceDSL.integers().between(0, 2).zip(timestamps,
        SourceDSL.integers().between(0, 11), SourceDSL.integers().between(0, 2), Op::new);
    return SourceDSL.lists().of(op).ofSizeBetween(0, 250);
  }

  /**
   * Few distinct timers, so that one timer is often added beyond the cache, removed or fired, and
   * added again: the queue must not take it for one it wrote earlier.
   */
  private static Gen<List<Op>> crowdedOperations() {
    Gen<Op> op = SourceDSL.integers().between(0, 2).zip(SourceDSL.longs().between(0, 5),
        SourceDSL.integers().between(0, 7), SourceDSL.integers().between(0, 1), Op::new);
    return SourceDSL.lists().of(op).ofSizeBetween(50, 250);
  }

  @Test
  void behavesLikeASortedSetPolledUpToWatermarks() {
    // Each try opens a RocksDB, and so does each step of shrinking: a bounded shrink reports a failure
    // well within the 90-second limit on a test.
    qt().withExamples(200).withShrinkCycles(200).forAll(operations(), SourceDSL.integers().between(1, 4))
        .checkAssert(RocksDBTimerQueuePropertiesTest::behavesLikeASortedSet);
  }

  @Test
  void timersAddedAgainAfterTheyWentAreQueuedAgain() {
    qt().withExamples(200).withShrinkCycles(200).forAll(crowdedOperations(), SourceDSL.integers().between(1, 2))
        .checkAssert(RocksDBTimerQueuePropertiesTest::behavesLikeASortedSet);
  }

  private static void behavesLikeASortedSet(List<Op> ops, int cacheSize) {
    try {
      checkAgainstSortedSet(ops, cacheSize);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTimerBeyondTheCacheThatWasRemovedIsWrittenWhenAddedAgain() throws Exception {
    // One row cached per key group; keys 0, 4 and 8 share key group 0.
    checkAgainstSortedSet(List.of(new Op(0, 1, 0, 0), new Op(0, 2, 4, 0), new Op(0, 3, 8, 0), new Op(0, 3, 8, 0),
        new Op(1, 3, 8, 0), new Op(0, 3, 8, 0)), 1);
  }

  private static void checkAgainstSortedSet(List<Op> ops, int cacheSize) throws Exception {
    Path dir = Files.createTempDirectory("timer-queue");
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, dir.toString());
        ColumnFamilyHandle column = db.createColumnFamily(
            new ColumnFamilyDescriptor("timers".getBytes(StandardCharsets.UTF_8)));
        WriteOptions write = new WriteOptions().setDisableWAL(true);
        ReadOptions read = new ReadOptions()) {
      // Key k is in key group k % 4, so that each key group holds several keys.
      RocksDBTimerQueue queue = new RocksDBTimerQueue(() -> db, column, write, read, new KeyGroupRange(0, 3),
          key -> (Integer) key % 4, () -> IntSerializer.INSTANCE, "timers", true, "test timers", cacheSize);
      TreeSet<Entry> model = new TreeSet<>(ORDER);
      for (Op op : ops) {
        Entry e = new Entry(op.timestamp(), op.key(), op.namespace());
        Object namespace = NAMESPACES.get(op.namespace());
        switch (op.kind()) {
          // The queue may answer "added" / "removed" without a read for timers beyond its cache,
          // but never denies a change it made; size and polls check that it holds one timer each.
          case 0 -> {
            boolean added = queue.add(e.timestamp(), e.key(), namespace);
            boolean isNew = model.add(e);
            assertThat(added || !isNew).as("denied adding new %s", e).isTrue();
          }
          case 1 -> {
            boolean removed = queue.remove(e.timestamp(), e.key(), namespace);
            boolean existed = model.remove(e);
            assertThat(removed || !existed).as("denied removing existing %s", e).isTrue();
          }
          default -> {
            Timer t;
            while ((t = queue.peek()) != null && t.timestamp() <= op.timestamp()) {
              Timer polled = queue.poll();
              assertThat(polled).isSameAs(t);
              // Ties in timestamp may come out in any order: compare the timestamp, then remove the
              // polled timer itself from the model.
              assertThat(polled.timestamp()).isEqualTo(model.first().timestamp());
              assertThat(model.remove(entry(polled))).as("polled %s", polled).isTrue();
            }
            assertThat(model.isEmpty() || model.first().timestamp() > op.timestamp()).isTrue();
          }
        }
        assertThat(queue.size()).isEqualTo(model.size());
        assertThat(queue.peek() == null ? null : queue.peek().timestamp())
            .isEqualTo(model.isEmpty() ? null : model.first().timestamp());
      }
      TreeSet<Entry> visited = new TreeSet<>(ORDER);
      queue.forEach((key, namespace, timestamp) ->
          assertThat(visited.add(new Entry(timestamp, (Integer) key, NAMESPACES.indexOf(namespace)))).isTrue());
      assertThat(visited).isEqualTo(model);
      Timer t;
      while ((t = queue.poll()) != null) {
        assertThat(t.timestamp()).isEqualTo(model.first().timestamp());
        assertThat(model.remove(entry(t))).isTrue();
      }
      assertThat(model).isEmpty();
      assertThat(queue.size()).isZero();
    } finally {
      RocksDBKeyedStateBackend.deleteDirectory(dir);
    }
  }

  private static Entry entry(Timer timer) {
    return new Entry(timer.timestamp(), (Integer) timer.key(), NAMESPACES.indexOf(timer.namespace()));
  }
}
