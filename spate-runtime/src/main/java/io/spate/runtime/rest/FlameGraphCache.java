package io.spate.runtime.rest;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps the flame graphs the REST API sampled, as Flink's web UI back end does: a request within
 * {@code rest.flamegraph.refresh-interval} of a sampling gets its graph (or waits for the sampling in
 * progress) instead of sampling again, and a graph nobody asked for within {@code
 * rest.flamegraph.cleanup-interval} is dropped. At most {@link #MAX_ENTRIES} graphs are kept, the least
 * recently asked for going first. Thread-safe.
 */
final class FlameGraphCache {

  /** How many graphs (job, vertex and type) are kept at most. */
  static final int MAX_ENTRIES = 64;

  private record Key(String jobId, int vertexId, String type) {}

  private static final class Entry {
    final CompletableFuture<Map<String, Object>> graph;
    final long sampledAt;
    long lastAccess;

    Entry(CompletableFuture<Map<String, Object>> graph, long now) {
      this.graph = graph;
      this.sampledAt = now;
      this.lastAccess = now;
    }
  }

  private final long refreshMillis;
  private final long cleanupMillis;
  private final LongSupplier clockMillis;
  // Access order, so that the eldest entry is the least recently asked for.
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * Creates the cache.
   *
   * @param refreshMillis how long a sampled graph answers requests
   * @param cleanupMillis after how long without a request a graph is dropped
   * @param clockMillis the time in milliseconds (only differences count)
   */
  FlameGraphCache(long refreshMillis, long cleanupMillis, LongSupplier clockMillis) {
    this.refreshMillis = refreshMillis;
    this.cleanupMillis = cleanupMillis;
    this.clockMillis = clockMillis;
  }

  /**
   * The graph of {@code type} for vertex {@code vertexId} of job {@code jobId}: the cached one while it
   * is fresh, else what {@code sample} starts. A sampling that fails is not kept, so the next request
   * samples again.
   */
  CompletableFuture<Map<String, Object>> get(String jobId, int vertexId, String type,
      Supplier<CompletableFuture<Map<String, Object>>> sample) {
    Key key = new Key(jobId, vertexId, type);
    long now = clockMillis.getAsLong();
    Entry entry;
    synchronized (entries) {
      evictIdle(now);
      entry = entries.get(key);
      if (entry != null && now - entry.sampledAt < refreshMillis && !entry.graph.isCompletedExceptionally()) {
        entry.lastAccess = now;
        return entry.graph;
      }
      entry = new Entry(new CompletableFuture<>(), now);
      entries.put(key, entry);
      while (entries.size() > MAX_ENTRIES) {
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
    Entry started = entry;
    CompletableFuture<Map<String, Object>> sampled;
    try {
      sampled = sample.get();
    } catch (RuntimeException e) {
      sampled = CompletableFuture.failedFuture(e);
    }
    sampled.whenComplete((graph, failure) -> {
      if (failure != null) {
        synchronized (entries) {
          entries.remove(key, started);
        }
        started.graph.completeExceptionally(failure);
      } else {
        started.graph.complete(graph);
      }
    });
    return started.graph;
  }

  /** How many graphs are kept now. */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private void evictIdle(long now) {
    entries.values().removeIf(entry -> now - entry.lastAccess >= cleanupMillis && entry.graph.isDone());
  }
}
