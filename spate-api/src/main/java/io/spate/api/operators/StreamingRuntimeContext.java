package io.spate.api.operators;

import io.spate.api.accumulators.Accumulator;
import io.spate.api.annotation.Internal;
import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.JobID;
import io.spate.api.common.TaskInfo;
import io.spate.api.functions.RuntimeContext;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.KeyedStateStore;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.MapState;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;

/**
 * The {@link RuntimeContext} that the runtime gives rich functions, and that an operator's {@code
 * getRuntimeContext()} returns.
 */
@PublicEvolving
public final class StreamingRuntimeContext implements RuntimeContext {

  private final StreamOperatorParameters<?> context;
  private final KeyedStateStore keyedState;

  /** Creates the runtime context of an operator; {@code keyedState} is null on non-keyed streams. */
  @Internal
  public StreamingRuntimeContext(StreamOperatorParameters<?> context, KeyedStateStore keyedState) {
    this.context = context;
    this.keyedState = keyedState;
  }

  @Override
  public JobID getJobId() {
    return context.getJobId();
  }

  @Override
  public TaskInfo getTaskInfo() {
    return context.getTaskInfo();
  }

  @Override
  public ExecutionConfig getExecutionConfig() {
    return context.getExecutionConfig();
  }

  @Override
  public MetricGroup getMetricGroup() {
    return context.getMetricGroup();
  }

  @Override
  public ClassLoader getUserCodeClassLoader() {
    return context.getUserClassLoader();
  }

  private KeyedStateStore keyedState(String stateName) {
    if (keyedState == null) {
      throw new UnsupportedOperationException("Operator '" + context.getOperatorName() + "' asked for keyed state '"
          + stateName + "', but keyed state exists only on a keyed stream: apply the function after keyBy(...).");
    }
    return keyedState;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return keyedState(descriptor.getName()).getState(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return keyedState(descriptor.getName()).getListState(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return keyedState(descriptor.getName()).getReducingState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return keyedState(descriptor.getName()).getAggregatingState(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return keyedState(descriptor.getName()).getMapState(descriptor);
  }

  @Override
  public <V, A extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
    if (name == null || accumulator == null) {
      throw new IllegalArgumentException("addAccumulator in operator '" + context.getOperatorName()
          + "': the name and the accumulator must not be null (name " + name + ").");
    }
    Accumulator<?, ?> previous = context.getAccumulators().putIfAbsent(name, accumulator);
    if (previous != null) {
      throw new UnsupportedOperationException("Operator '" + context.getOperatorName() + "' adds the accumulator '"
          + name + "', but its task has one of that name already (" + previous.getClass().getName()
          + "): give each accumulator of a task its own name.");
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name) {
    return (Accumulator<V, A>) context.getAccumulators().get(name);
  }

  private io.spate.api.common.DistributedCache distributedCache;

  /**
   * The job's cached files, each resolved where it was registered: Spate does not copy them, so a file
   * that is missing here, of another file system, or not executable when it should be fails {@code
   * getFile} with a message that names it.
   */
  @Override
  public io.spate.api.common.DistributedCache getDistributedCache() {
    if (distributedCache == null) {
      java.util.Map<String, java.util.concurrent.Future<io.spate.api.fs.Path>> files = new java.util.LinkedHashMap<>();
      for (var entry : io.spate.api.common.DistributedCache.readFileInfoFromConfig(context.getJobConfiguration())) {
        files.put(entry.getKey(), resolve(entry.getKey(), entry.getValue()));
      }
      distributedCache = new io.spate.api.common.DistributedCache(files);
    }
    return distributedCache;
  }

  private static java.util.concurrent.CompletableFuture<io.spate.api.fs.Path> resolve(
      String name, io.spate.api.common.DistributedCache.DistributedCacheEntry entry) {
    java.net.URI uri = new io.spate.api.fs.Path(entry.filePath).toUri();
    String where = "The file '" + entry.filePath + "' registered as '" + name + "' with registerCachedFile";
    if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
      return java.util.concurrent.CompletableFuture.failedFuture(new java.io.IOException(where + " is on the file"
          + " system '" + uri.getScheme() + "': Spate reads cached files in place from the local file system only."));
    }
    java.io.File file = new java.io.File(uri.getPath());
    if (!file.exists()) {
      return java.util.concurrent.CompletableFuture.failedFuture(new java.io.FileNotFoundException(where
          + " does not exist where this task runs: Spate does not ship cached files, so put it where every"
          + " TaskExecutor of the job can read it."));
    }
    if (Boolean.TRUE.equals(entry.isExecutable) && !file.canExecute()) {
      return java.util.concurrent.CompletableFuture.failedFuture(new java.io.IOException(where
          + " is to be executable, but is not: make it executable (chmod +x); Spate uses the file in place."));
    }
    return java.util.concurrent.CompletableFuture.completedFuture(new io.spate.api.fs.Path(file.toURI()));
  }
}
