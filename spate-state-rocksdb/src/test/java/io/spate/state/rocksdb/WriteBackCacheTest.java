package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class WriteBackCacheTest {

  /** A stand-in for RocksDB: the rows the cache wrote, and the order it wrote them in. */
  private static final class Store {
    final Map<String, Integer> rows = new HashMap<>();
    final List<String> writes = new ArrayList<>();

    void write(WriteBackCache.Entry<Integer> e) {
      String row = new String(e.row, StandardCharsets.UTF_8);
      writes.add(row);
      if (e.value == null) {
        rows.remove(row);
      } else {
        rows.put(row, e.value);
      }
    }
  }

  private static byte[] row(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The row key in a larger buffer, as the states pass it (the shared row-key buffer). */
  private static byte[] padded(String s) {
    byte[] b = new byte[s.length() + 7];
    System.arraycopy(row(s), 0, b, 0, s.length());
    return b;
  }

  @Test
  void evictsTheLeastRecentlyUsedEntryAndWritesItOnlyIfChanged() {
    Store store = new Store();
    WriteBackCache<Integer> cache = new WriteBackCache<>(2, store::write);
    WriteBackCache.Entry<Integer> a = cache.insert(padded("a"), 1, 1, false);
    a.dirty = true;
    cache.insert(padded("b"), 1, 2, true); // clean: as read from RocksDB
    assertThat(cache.find(padded("a"), 1)).isSameAs(a); // a is now the most recently used
    cache.insert(padded("c"), 1, 3, false);
    assertThat(store.writes).isEmpty(); // b was evicted, unchanged
    assertThat(cache.find(padded("b"), 1)).isNull();
    cache.insert(padded("d"), 1, 4, false);
    assertThat(store.writes).containsExactly("a"); // a was evicted with its change
    assertThat(store.rows).containsOnly(Map.entry("a", 1));
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void flushWritesChangedEntriesOnceAndKeepsThem() {
    Store store = new Store();
    WriteBackCache<Integer> cache = new WriteBackCache<>(4, store::write);
    WriteBackCache.Entry<Integer> a = cache.insert(row("a"), 1, 10, false);
    a.dirty = true;
    WriteBackCache.Entry<Integer> b = cache.insert(row("b"), 1, null, true);
    b.dirty = true; // a deletion
    cache.insert(row("c"), 1, 30, true);
    cache.flush();
    assertThat(store.writes).containsExactlyInAnyOrder("a", "b");
    assertThat(a.stored).isTrue();
    assertThat(b.stored).isFalse();
    cache.flush();
    assertThat(store.writes).hasSize(2);
    assertThat(cache.find(row("c"), 1).value).isEqualTo(30);
  }

  @Test
  void keysAreComparedByTheirBytesWithinTheGivenLength() {
    WriteBackCache<Integer> cache = new WriteBackCache<>(8, e -> {});
    cache.insert(row("ab"), 2, 1, false);
    assertThat(cache.find(row("abc"), 2).value).isEqualTo(1);
    assertThat(cache.find(row("abc"), 3)).isNull();
    assertThat(cache.find(row("a"), 1)).isNull();
  }

  @Test
  void aFailedWriteOfAnEvictedEntryLosesNothing() {
    WriteBackCache<Integer> cache = new WriteBackCache<>(1, e -> {
      throw new IllegalStateException("disk full");
    });
    WriteBackCache.Entry<Integer> a = cache.insert(row("a"), 1, 1, false);
    a.dirty = true;
    assertThatThrownBy(() -> cache.insert(row("b"), 1, 2, false)).hasMessage("disk full");
    assertThat(cache.find(row("a"), 1)).isSameAs(a);
    assertThat(a.dirty).isTrue();
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new WriteBackCache<Integer>(0, e -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** One access: write (or delete, with a null value) a row through the cache, or read it back. */
  record Op(boolean write, int row, Integer value) {}

  private static Gen<List<Op>> ops() {
    Gen<Integer> values = Generate.frequency(List.of(
        Pair.of(20, Generate.<Integer>constant((Integer) null)), Pair.of(80, SourceDSL.integers().between(0, 99))));
    Gen<Op> op = SourceDSL.booleans().all().zip(SourceDSL.integers().between(0, 9), values, Op::new);
    return SourceDSL.lists().of(op).ofSizeBetween(0, 200);
  }

  /**
   * Reading through the cache always gives the last value written, whatever the capacity; and after
   * a flush the store holds exactly what was written last per row.
   */
  @Test
  void behavesLikeAMapInFrontOfTheStore() {
    qt().withExamples(200).forAll(ops(), SourceDSL.integers().between(1, 6))
        .checkAssert(WriteBackCacheTest::behavesLikeAMap);
  }

  private static void behavesLikeAMap(List<Op> ops, int capacity) {
    Store store = new Store();
    WriteBackCache<Integer> cache = new WriteBackCache<>(capacity, store::write);
    Map<String, Integer> model = new HashMap<>();
    for (Op op : ops) {
      String key = "r" + op.row();
      byte[] r = padded(key);
      WriteBackCache.Entry<Integer> e = cache.find(r, key.length());
      if (e == null) {
        Integer stored = store.rows.get(key);
        e = cache.insert(r, key.length(), stored, stored != null);
      }
      if (op.write()) {
        e.value = op.value();
        e.dirty = true;
        if (op.value() == null) {
          model.remove(key);
        } else {
          model.put(key, op.value());
        }
      } else {
        assertThat(e.value).isEqualTo(model.get(key));
      }
      assertThat(cache.size()).isLessThanOrEqualTo(capacity);
    }
    cache.flush();
    assertThat(store.rows).isEqualTo(model);
  }
}
