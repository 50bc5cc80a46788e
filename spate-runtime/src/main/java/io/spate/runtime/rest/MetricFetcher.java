package io.spate.runtime.rest;

import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.metrics.dump.MetricDump;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link MetricStore} up to date on demand: a metric query asks for the store, and gets it at
 * once when the latest fetch is younger than {@code metrics.fetcher.update-interval}, else after one
 * fetch of the JobManager's and every TaskManager's metrics (queries arriving meanwhile share it).
 * A failed fetch is logged and leaves the store as it was.
 */
final class MetricFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(MetricFetcher.class);

  private final ResourceManagerGateway resourceManager;
  private final DispatcherGateway dispatcher;
  private final Supplier<MetricDump> jobManager;
  private final long minIntervalNanos;
  private final MetricStore store = new MetricStore();
  private CompletableFuture<MetricStore> inFlight;
  private long lastFetchNanos;
  private boolean fetchedOnce;

  MetricFetcher(ResourceManagerGateway resourceManager, DispatcherGateway dispatcher, Supplier<MetricDump> jobManager,
      Duration minInterval) {
    this.resourceManager = resourceManager;
    this.dispatcher = dispatcher;
    this.jobManager = jobManager;
    this.minIntervalNanos = Math.max(0, minInterval.toNanos());
  }

  /** The store, after a fetch if the latest is older than the update interval. */
  synchronized CompletableFuture<MetricStore> store() {
    if (inFlight != null) {
      return inFlight;
    }
    if (fetchedOnce && System.nanoTime() - lastFetchNanos < minIntervalNanos) {
      return CompletableFuture.completedFuture(store);
    }
    CompletableFuture<MetricStore> fetch = fetch();
    if (!fetch.isDone()) {
      inFlight = fetch;
    }
    return fetch;
  }

  private CompletableFuture<MetricStore> fetch() {
    CompletableFuture<Map<String, MetricDump>> taskManagers = resourceManager.requestTaskManagerMetricDumps();
    CompletableFuture<Set<String>> jobs = dispatcher.requestJobOverviews()
        .thenApply(all -> all.stream().map(job -> job.jobId().toString()).collect(Collectors.toSet()));
    return taskManagers.thenCombine(jobs, (dumps, known) -> {
      Map<String, MetricDump> byId = new LinkedHashMap<>();
      dumps.forEach((address, dump) -> byId.put(TaskManagerRoutes.idOf(address), dump));
      store.update(jobManager.get(), byId, known);
      return store;
    }).handle((updated, error) -> {
      synchronized (this) {
        inFlight = null;
        fetchedOnce = true;
        lastFetchNanos = System.nanoTime();
      }
      if (error != null) {
        LOG.warn("Fetching the metrics of the cluster's processes failed; answering from the previous fetch: {}",
            error.toString());
      }
      return store;
    });
  }
}
