package io.spate.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lookup cache keeps at most its size, evicts the least recently used key, and forgets expired entries. */
class LookupCacheTest {

  private final AtomicLong now = new AtomicLong();

  @Test
  void theLeastRecentlyUsedKeyIsEvictedFirst() {
    LookupCache<String, Integer> cache = new LookupCache<>(2, 1_000, now::get);
    cache.put("a", 1);
    cache.put("b", 2);
    assertThat(cache.get("a")).isEqualTo(1); // "b" is now the least recently used
    cache.put("c", 3);
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isEqualTo(1);
    assertThat(cache.get("c")).isEqualTo(3);
  }

  @Test
  void anEntryExpiresAfterItsTimeToLive() {
    LookupCache<String, Integer> cache = new LookupCache<>(10, 1_000, now::get);
    cache.put("a", 1);
    now.set(999);
    assertThat(cache.get("a")).isEqualTo(1);
    now.set(1_000);
    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void aCacheOfNoRowsKeepsNothing() {
    LookupCache<String, Integer> cache = new LookupCache<>(0, 1_000, now::get);
    cache.put("a", 1);
    assertThat(cache.get("a")).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void anAccessTimeToLiveExpiresEntriesNotReadForThatLong() {
    LookupCache<String, Integer> cache = new LookupCache<>(10, LookupCache.NEVER, 100, now::get);
    cache.put("a", 1);
    now.set(99);
    assertThat(cache.get("a")).isEqualTo(1);
    now.set(198);
    assertThat(cache.get("a")).as("read at 99, so valid until 199").isEqualTo(1);
    now.set(298);
    assertThat(cache.get("a")).isNull();
  }
}
