package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The flame graph cache samples once per refresh interval and drops graphs nobody asks for. */
class FlameGraphCacheTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger samplings = new AtomicInteger();
  private final FlameGraphCache cache = new FlameGraphCache(60_000, 600_000, now::get);

  private final Supplier<CompletableFuture<Map<String, Object>>> sampler =
      () -> CompletableFuture.completedFuture(Map.of("sampling", samplings.incrementAndGet()));

  private Object sampling(String type) {
    return cache.get("job", 1, type, sampler).join().get("sampling");
  }

  @Test
  void aRequestWithinTheRefreshIntervalGetsTheCachedGraph() {
    assertThat(sampling("full")).isEqualTo(1);
    now.addAndGet(59_999);
    assertThat(sampling("full")).isEqualTo(1);
    assertThat(samplings).hasValue(1);
    now.addAndGet(1);
    assertThat(sampling("full")).isEqualTo(2);
    assertThat(samplings).hasValue(2);
  }

  @Test
  void eachTypeAndVertexIsSampledOnItsOwn() {
    sampling("full");
    sampling("on_cpu");
    cache.get("job", 2, "full", sampler).join();
    cache.get("other", 1, "full", sampler).join();
    assertThat(samplings).hasValue(4);
    sampling("on_cpu");
    assertThat(samplings).hasValue(4);
  }

  @Test
  void requestsDuringASamplingWaitForIt() {
    CompletableFuture<Map<String, Object>> slow = new CompletableFuture<>();
    AtomicInteger started = new AtomicInteger();
    CompletableFuture<Map<String, Object>> first = cache.get("job", 1, "full", () -> {
      started.incrementAndGet();
      return slow;
    });
    CompletableFuture<Map<String, Object>> second = cache.get("job", 1, "full", () -> {
      started.incrementAndGet();
      return slow;
    });
    assertThat(started).hasValue(1);
    assertThat(second).isNotDone();
    slow.complete(Map.of("sampling", 7));
    assertThat(first.join()).isEqualTo(second.join());
  }

  @Test
  void aFailedSamplingIsNotKept() {
    CompletableFuture<Map<String, Object>> failed = cache.get("job", 1, "full",
        () -> CompletableFuture.failedFuture(new IllegalStateException("no TaskManager answered")));
    assertThat(failed).isCompletedExceptionally();
    assertThat(sampling("full")).isEqualTo(1);
  }

  @Test
  void graphsNobodyAskedForAreDroppedAndTheCacheIsBounded() {
    sampling("full");
    now.addAndGet(600_000);
    cache.get("job", 2, "full", sampler).join();
    assertThat(cache.size()).isEqualTo(1);
    for (int vertex = 0; vertex < FlameGraphCache.MAX_ENTRIES + 10; vertex++) {
      cache.get("job", vertex, "off_cpu", sampler).join();
    }
    assertThat(cache.size()).isEqualTo(FlameGraphCache.MAX_ENTRIES);
  }
}
