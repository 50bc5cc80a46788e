package io.spate.api.datastream;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.Public;
import io.spate.api.checkpoint.CheckpointConfig;
import io.spate.api.checkpoint.CheckpointingMode;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.RestartStrategies;
import io.spate.api.common.RestartStrategy;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.common.TimeCharacteristic;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.PipelineOptions;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.RestartStrategyOptions;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.configuration.UnappliedOptions;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.TextSourceFactory;
import io.spate.api.connector.source.lib.FromElementsSource;
import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.StreamGraphValidator;
import io.spate.api.dag.Transformation;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.functions.source.SourceFunctionSource;
import io.spate.api.typeinfo.MissingTypeInfo;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.execution.JobListener;
import io.spate.api.execution.PipelineExecutor;
import io.spate.api.execution.PipelineExecutorFactory;
import io.spate.api.state.EmbeddedRocksDBStateBackend;
import io.spate.api.state.HashMapStateBackend;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.StateBackend;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The entry point of a streaming program: creates sources, holds the job's settings, and runs the
 * graph of transformations built on its streams.
 */
@Public
public class StreamExecutionEnvironment implements AutoCloseable {

  private static volatile StreamExecutionEnvironmentFactory contextFactory;
  private static final ThreadLocal<StreamExecutionEnvironmentFactory> threadContextFactory =
      new ThreadLocal<>();

  private final Configuration configuration;
  private final ExecutionConfig executionConfig;
  private final CheckpointConfig checkpointConfig;
  private final List<Transformation<?>> sinks = new ArrayList<>();
  private final List<JobListener> jobListeners = new ArrayList<>();
  private ClassLoader userClassLoader;

  /** Creates an environment with {@code configuration}; prefer {@link #getExecutionEnvironment()}. */
  public StreamExecutionEnvironment(Configuration configuration) {
    this.configuration = new Configuration(configuration);
    this.executionConfig = new ExecutionConfig(this.configuration);
    this.checkpointConfig = new CheckpointConfig(this.configuration);
    this.userClassLoader = Thread.currentThread().getContextClassLoader();
    if (this.userClassLoader == null) {
      this.userClassLoader = StreamExecutionEnvironment.class.getClassLoader();
    }
  }

  /**
   * The environment of the current context: the one a command such as {@code spate run} set up, or
   * else one that runs jobs on an embedded local cluster.
   */
  public static StreamExecutionEnvironment getExecutionEnvironment() {
    return getExecutionEnvironment(new Configuration());
  }

  /** Like {@link #getExecutionEnvironment()}, with {@code configuration} applied. */
  public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
    StreamExecutionEnvironmentFactory factory = threadContextFactory.get();
    if (factory == null) {
      factory = contextFactory;
    }
    if (factory != null) {
      return factory.createExecutionEnvironment(configuration);
    }
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(configuration);
    applyDefaultLocalParallelism(env, configuration); // no context: the job runs locally, as in Flink
    return env;
  }

  /** An environment that runs jobs on an embedded cluster in this JVM. */
  public static LocalStreamEnvironment createLocalEnvironment() {
    return createLocalEnvironment(new Configuration());
  }

  /** An embedded-cluster environment with the given default parallelism. */
  public static LocalStreamEnvironment createLocalEnvironment(int parallelism) {
    LocalStreamEnvironment env = createLocalEnvironment();
    env.setParallelism(parallelism);
    return env;
  }

  /** Makes {@code factory} create the environments of {@link #getExecutionEnvironment()}. */
  public static void initializeContextEnvironment(StreamExecutionEnvironmentFactory factory) {
    contextFactory = factory;
    threadContextFactory.set(factory);
  }

  /**
   * Makes {@code factory} create the environments of {@link #getExecutionEnvironment()} on the
   * calling thread only, so that programs on several threads of one process (the jars a session
   * cluster runs) each get their own; {@link #resetContextEnvironment()} removes it.
   */
  public static void initializeThreadContextEnvironment(StreamExecutionEnvironmentFactory factory) {
    threadContextFactory.set(factory);
  }

  /** Removes the context set on the calling thread by {@link #initializeThreadContextEnvironment}. */
  public static void resetThreadContextEnvironment() {
    threadContextFactory.remove();
  }

  /** Removes the context set by {@link #initializeContextEnvironment}. */
  public static void resetContextEnvironment() {
    contextFactory = null;
    threadContextFactory.remove();
  }

  // ---------------------------------------------------------------- settings

  /** Sets the default parallelism of operators. */
  public StreamExecutionEnvironment setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new InvalidProgramException("The parallelism must be at least 1, got " + parallelism + ".");
    }
    configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    return this;
  }

  /** The default parallelism of operators. */
  public int getParallelism() {
    return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
  }

  /** Sets the max parallelism: the number of key groups, the upper bound for rescaling. */
  public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
      throw new InvalidProgramException("The max parallelism must be in [1, 32768], got " + maxParallelism + ".");
    }
    configuration.set(CoreOptions.MAX_PARALLELISM, maxParallelism);
    return this;
  }

  /** The max parallelism. */
  public int getMaxParallelism() {
    return configuration.get(CoreOptions.MAX_PARALLELISM);
  }

  /** Sets streaming, batch or automatic execution. */
  public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
    configuration.set(CoreOptions.RUNTIME_MODE, Objects.requireNonNull(mode, "mode"));
    return this;
  }

  /**
   * Sets where the job's keyed state lives ({@link HashMapStateBackend} or {@link
   * EmbeddedRocksDBStateBackend}); the same as setting {@code state.backend.type} (and, for {@code new
   * EmbeddedRocksDBStateBackend(true)}, {@code state.backend.incremental}).
   */
  public StreamExecutionEnvironment setStateBackend(StateBackend backend) {
    Objects.requireNonNull(backend, "The state backend must not be null.");
    String name = backend.getName();
    if (name == null || name.isBlank()) {
      throw new InvalidProgramException("State backend " + backend + " has no name.");
    }
    configuration.set(StateBackendOptions.STATE_BACKEND, name);
    backend.applyTo(configuration);
    return this;
  }

  /** The state backend that jobs of this environment use, from {@code state.backend.type}. */
  public StateBackend getStateBackend() {
    String name = configuration.get(StateBackendOptions.STATE_BACKEND);
    if (EmbeddedRocksDBStateBackend.NAME.equals(name)) {
      EmbeddedRocksDBStateBackend rocksdb =
          new EmbeddedRocksDBStateBackend(configuration.get(StateBackendOptions.INCREMENTAL_CHECKPOINTS));
      configuration.getOptional(RocksDBOptions.TIMER_SERVICE_FACTORY)
          .ifPresent(rocksdb::setPriorityQueueStateType);
      return rocksdb;
    }
    if (HashMapStateBackend.NAME.equals(name)) {
      return new HashMapStateBackend();
    }
    return () -> name;
  }

  /**
   * Enables exactly-once checkpoints every {@code intervalMillis} milliseconds (at least 10); the
   * same as setting {@code execution.checkpointing.interval}. Ignored in BATCH mode.
   */
  public StreamExecutionEnvironment enableCheckpointing(long intervalMillis) {
    checkpointConfig.setCheckpointInterval(intervalMillis);
    return this;
  }

  /** Enables checkpoints in {@code mode} every {@code intervalMillis} milliseconds; ignored in BATCH mode. */
  public StreamExecutionEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode) {
    checkpointConfig.setCheckpointInterval(intervalMillis);
    checkpointConfig.setCheckpointingMode(mode);
    return this;
  }

  /** The checkpoint settings; they read and write this environment's configuration. */
  public CheckpointConfig getCheckpointConfig() {
    return checkpointConfig;
  }

  /**
   * Sets how a failed job is restarted, by writing the {@code restart-strategy.*} options; without
   * one, a job restarts with exponential delay if checkpointing is enabled and not at all otherwise.
   */
  public StreamExecutionEnvironment setRestartStrategy(RestartStrategy strategy) {
    Objects.requireNonNull(strategy, "The restart strategy must not be null.");
    RestartStrategyOptions.clear(configuration);
    configuration.addAll(strategy.toConfiguration());
    return this;
  }

  /**
   * Flink's form of {@link #setRestartStrategy(RestartStrategy)}, for the configurations {@link
   * RestartStrategies} creates; {@code fallBackRestart()} removes the job's own restart options.
   */
  public StreamExecutionEnvironment setRestartStrategy(RestartStrategies.RestartStrategyConfiguration strategy) {
    return setRestartStrategy((RestartStrategy) strategy);
  }

  /**
   * The restart strategy that jobs of this environment get, from the configuration, as the Flink
   * configuration class of its kind; unlike Flink's, which answers the fallback when none is set, it
   * is the strategy that applies then (exponential delay with checkpointing, none without).
   */
  public RestartStrategies.RestartStrategyConfiguration getRestartStrategy() {
    return RestartStrategies.asConfiguration(
        RestartStrategies.fromConfiguration(configuration, checkpointConfig.isCheckpointingEnabled()));
  }

  /**
   * Applies every value of {@code conf} (such as those of a configuration file) to this
   * environment, then checks the checkpoint and restart options.
   *
   * @throws io.spate.api.configuration.IllegalConfigurationException naming an option whose value is bad
   */
  public StreamExecutionEnvironment configure(Configuration conf) {
    configuration.addAll(Objects.requireNonNull(conf, "conf"));
    validateFaultToleranceOptions();
    return this;
  }

  private void validateFaultToleranceOptions() {
    checkpointConfig.validate();
    getRestartStrategy();
  }

  /** The settings that functions can read. */
  public ExecutionConfig getConfig() {
    return executionConfig;
  }

  @SuppressWarnings("deprecation")
  private TimeCharacteristic timeCharacteristic = TimeCharacteristic.EventTime;

  /**
   * Declares the job's notion of time, as pre-1.12 Flink programs do: processing time turns periodic
   * watermarks off (an auto-watermark interval of 0), event and ingestion time set it to 200 ms.
   * Windows and timers still say their own notion of time.
   *
   * @deprecated choose event-time or processing-time windows and timers instead, as in Flink.
   */
  @Deprecated
  public void setStreamTimeCharacteristic(TimeCharacteristic characteristic) {
    Objects.requireNonNull(characteristic, "setStreamTimeCharacteristic: the time characteristic must not be null.");
    getConfig().setAutoWatermarkInterval(characteristic == TimeCharacteristic.ProcessingTime ? 0L : 200L);
    timeCharacteristic = characteristic;
  }

  /**
   * The notion of time last declared, {@link TimeCharacteristic#EventTime} by default.
   *
   * @deprecated as {@link #setStreamTimeCharacteristic}.
   */
  @Deprecated
  public TimeCharacteristic getStreamTimeCharacteristic() {
    return timeCharacteristic;
  }

  /** The job's configuration; changes apply to jobs executed afterwards. */
  public Configuration getConfiguration() {
    return configuration;
  }

  /** Overrides the class loader of the job's code (set by {@code spate run}). */
  public void setUserClassLoader(ClassLoader classLoader) {
    this.userClassLoader = Objects.requireNonNull(classLoader);
  }

  /** Registers a listener told of every job this environment submits. */
  public void registerJobListener(JobListener listener) {
    jobListeners.add(Objects.requireNonNull(listener));
  }

  // ---------------------------------------------------------------- local environments and pipeline settings

  /**
   * An environment that runs jobs on an embedded cluster in this JVM, with {@code configuration}
   * applied: its {@code taskmanager.numberOfTaskSlots} and {@code taskmanager.cpu.cores} size the
   * cluster, its memory options are checked when a job starts.
   */
  public static LocalStreamEnvironment createLocalEnvironment(Configuration configuration) {
    Objects.requireNonNull(configuration, "The configuration must not be null.");
    LocalStreamEnvironment env = new LocalStreamEnvironment(configuration);
    applyDefaultLocalParallelism(env, configuration);
    return env;
  }

  /** Like {@link #createLocalEnvironment(Configuration)}, with the given default parallelism. */
  public static LocalStreamEnvironment createLocalEnvironment(int parallelism, Configuration configuration) {
    LocalStreamEnvironment env = createLocalEnvironment(configuration);
    env.setParallelism(parallelism);
    return env;
  }

  /**
   * Like {@link #createLocalEnvironment(Configuration)}, with the embedded cluster serving its REST
   * API on {@code rest.port} (or {@code rest.bind-port}) while a job runs, and the web UI on the same
   * port when spate-dist (which holds the UI's files) is on the class path; a message in the log says
   * where, and whether the UI is there.
   */
  public static StreamExecutionEnvironment createLocalEnvironmentWithWebUI(Configuration configuration) {
    StreamExecutionEnvironment env = createLocalEnvironment(configuration);
    env.configuration.set(RestOptions.LOCAL_ENABLED, true);
    System.getLogger(StreamExecutionEnvironment.class.getName()).log(System.Logger.Level.INFO,
        "createLocalEnvironmentWithWebUI: the embedded cluster of each job serves its REST API"
            + (webUiOnClassPath() ? " and the web UI" : " (the web UI is not on the class path: add spate-dist)")
            + " on port " + env.configuration.getOptional(RestOptions.BIND_PORT)
            .orElse(String.valueOf(env.configuration.get(RestOptions.PORT))) + ".");
    return env;
  }

  private static boolean webUiOnClassPath() {
    // the REST server serves the UI from this class path directory (spate-dist's resources)
    return StreamExecutionEnvironment.class.getClassLoader().getResource("spate-web/index.html") != null;
  }

  /**
   * Sets how long, in milliseconds, a partly filled batch of records may wait while its producer
   * stays busy before it is handed to the next task ({@code execution.buffer-timeout}): 0 hands every
   * batch over at once, -1 only full ones (a producer whose input runs dry hands over what it has).
   *
   * @throws IllegalArgumentException if {@code timeoutMillis} is below -1
   */
  public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
    if (timeoutMillis < -1) {
      throw new IllegalArgumentException(
          "The buffer timeout must be at least 0 milliseconds, or -1 to hand over only full batches; got "
              + timeoutMillis + ".");
    }
    configuration.set(ExecutionOptions.BUFFER_TIMEOUT_ENABLED, timeoutMillis != -1);
    if (timeoutMillis != -1) {
      configuration.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(timeoutMillis));
    }
    return this;
  }

  /** The buffer timeout in milliseconds, or -1 if only full batches are handed over. */
  public long getBufferTimeout() {
    return configuration.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)
        ? configuration.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis() : -1;
  }

  /**
   * Runs every operator as a task of its own ({@code pipeline.operator-chaining.enabled: false}),
   * instead of chaining operators joined by a forward edge into one task: records between them are
   * then handed over in batches. Useful to see each operator's metrics and back pressure apart.
   */
  public StreamExecutionEnvironment disableOperatorChaining() {
    configuration.set(PipelineOptions.OPERATOR_CHAINING, false);
    return this;
  }

  /** Whether operators are chained (the default), see {@link #disableOperatorChaining()}. */
  public boolean isChainingEnabled() {
    return configuration.get(PipelineOptions.OPERATOR_CHAINING);
  }

  // ---------------------------------------------------------------- sources

  /** A stream of the given elements, in order; the type is taken from the first element. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromElements(T... data) {
    return fromData(data);
  }

  /** A stream of the given elements, in order, of the given type. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromElements(Class<T> type, T... data) {
    return fromData(Arrays.asList(data), TypeInformation.of(type));
  }

  /** A stream of the given elements, in order; the type is taken from the first element. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromData(T... data) {
    if (data == null || data.length == 0) {
      throw new InvalidProgramException(
          "fromElements/fromData needs at least one element to find the type; for an empty "
              + "stream pass the type: fromData(List.of(), Types.STRING).");
    }
    return fromData(Arrays.asList(data), TypeExtractor.getForObject(data[0]));
  }

  /** A stream of the elements of {@code data}, in order; the type is taken from the first one. */
  public <T> DataStreamSource<T> fromData(Collection<T> data) {
    if (data == null || data.isEmpty()) {
      throw new InvalidProgramException(
          "fromData/fromCollection needs at least one element to find the type; for an empty "
              + "collection pass the type: fromData(List.of(), Types.STRING).");
    }
    return fromData(data, TypeExtractor.getForObject(data.iterator().next()));
  }

  /** A stream of the elements of {@code data}, in order, of type {@code type}. */
  public <T> DataStreamSource<T> fromData(Collection<T> data, TypeInformation<T> type) {
    Objects.requireNonNull(type, "type");
    for (T element : data) {
      if (element == null) {
        throw new InvalidProgramException("fromData/fromElements/fromCollection: elements must not be null.");
      }
    }
    FromElementsSource<T> source = new FromElementsSource<>(List.copyOf(data), type);
    return addSource(source, WatermarkStrategy.noWatermarks(), "Collection Source", type, false);
  }

  /** Same as {@link #fromData(Collection)}. */
  public <T> DataStreamSource<T> fromCollection(Collection<T> data) {
    return fromData(data);
  }

  /** Same as {@link #fromData(Collection, TypeInformation)}. */
  public <T> DataStreamSource<T> fromCollection(Collection<T> data, TypeInformation<T> type) {
    return fromData(data, type);
  }

  /** The numbers {@code from} to {@code to}, both included, read in parallel. */
  public DataStreamSource<Long> fromSequence(long from, long to) {
    if (from > to) {
      throw new InvalidProgramException("fromSequence: 'from' (" + from + ") must not be above 'to' (" + to + ").");
    }
    return fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "Sequence Source");
  }

  /**
   * The lines of a text file, or of every file of a directory, as a bounded stream; needs the
   * spate-connectors module on the class path.
   */
  public DataStreamSource<String> readTextFile(String path) {
    Source<String, ?, ?> source = textSourceFactory("readTextFile").textFileSource(path);
    return fromSource(source, WatermarkStrategy.noWatermarks(), "File Source");
  }

  /**
   * The lines of the file or directory {@code path} in the charset {@code charsetName}; needs the
   * spate-connectors module on the class path.
   */
  public DataStreamSource<String> readTextFile(String path, String charsetName) {
    Source<String, ?, ?> source = textSourceFactory("readTextFile").textFileSource(path, charsetName);
    return fromSource(source, WatermarkStrategy.noWatermarks(), "File Source");
  }

  /** The lines read from a TCP socket at {@code hostname:port}, until the socket closes. */
  public DataStreamSource<String> socketTextStream(String hostname, int port) {
    return socketTextStream(hostname, port, "\n");
  }

  /**
   * The records read from a TCP socket, separated by {@code delimiter}; needs the spate-connectors
   * module on the class path.
   */
  public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
    Source<String, ?, ?> source = textSourceFactory("socketTextStream").socketTextSource(hostname, port, delimiter);
    return addSource(source, WatermarkStrategy.noWatermarks(), "Socket Stream", Types.STRING, false);
  }

  private TextSourceFactory textSourceFactory(String method) {
    for (TextSourceFactory factory : ServiceLoader.load(TextSourceFactory.class, userClassLoader)) {
      return factory;
    }
    throw new IllegalStateException(method + " needs the spate-connectors module, which is not on the class path: "
        + "add the dependency io.spate:spate-connectors to the job.");
  }

  /** The records of {@code source}, with timestamps and watermarks from {@code watermarkStrategy}. */
  public <T> DataStreamSource<T> fromSource(
      Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName) {
    return fromSource(source, watermarkStrategy, sourceName, null);
  }

  /** Like {@link #fromSource(Source, WatermarkStrategy, String)}, with an explicit record type. */
  public <T> DataStreamSource<T> fromSource(
      Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName,
      TypeInformation<T> type) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(watermarkStrategy, "watermarkStrategy");
    TypeInformation<T> resolved = type;
    if (resolved == null && source instanceof io.spate.api.typeinfo.ResultTypeQueryable<?> queryable) {
      @SuppressWarnings("unchecked")
      TypeInformation<T> produced = (TypeInformation<T>) queryable.getProducedType();
      resolved = produced;
    }
    if (resolved == null) {
      resolved = TypeExtractor.getUnaryReturnType(source, Source.class, -1, 0, null, sourceName);
    }
    return addSource(source, watermarkStrategy, sourceName, resolved, true);
  }

  private <T> DataStreamSource<T> addSource(
      Source<T, ?, ?> source, WatermarkStrategy<T> strategy, String name, TypeInformation<T> type,
      boolean parallel) {
    SourceTransformation<T> t = new SourceTransformation<>(
        newId(), name, source, strategy, type, Transformation.DEFAULT_PARALLELISM, parallel);
    return new DataStreamSource<>(this, t);
  }

  // ---------------------------------------------------------------- legacy source functions

  /**
   * The records of {@code function}, a legacy {@link SourceFunction}, named "Custom Source". Its {@code
   * run} runs on a thread of its own; it runs with parallelism 1 unless it is a {@link
   * io.spate.api.functions.source.ParallelSourceFunction}. The record type comes from {@link
   * ResultTypeQueryable}, else from the function's type arguments.
   */
  public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function) {
    return addSource(function, LEGACY_SOURCE_NAME, null);
  }

  /** Like {@link #addSource(SourceFunction)}, naming the source {@code sourceName}. */
  public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName) {
    return addSource(function, sourceName, null);
  }

  /** Like {@link #addSource(SourceFunction)}, with the record type {@code typeInfo}. */
  public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, TypeInformation<OUT> typeInfo) {
    return addSource(function, LEGACY_SOURCE_NAME, typeInfo);
  }

  /**
   * Like {@link #addSource(SourceFunction)}, naming the source {@code sourceName}, with the record type
   * {@code typeInfo} (if null, found as {@link #addSource(SourceFunction)} says).
   */
  public <OUT> DataStreamSource<OUT> addSource(
      SourceFunction<OUT> function, String sourceName, TypeInformation<OUT> typeInfo) {
    if (function == null) {
      throw new InvalidProgramException("addSource: the source function must not be null.");
    }
    String name = sourceName == null ? LEGACY_SOURCE_NAME : sourceName;
    TypeInformation<OUT> type = typeInfo != null ? typeInfo : legacySourceType(function, name);
    SourceFunctionSource<OUT> source = new SourceFunctionSource<>(function);
    return addSource(source, WatermarkStrategy.noWatermarks(), name, type, source.isParallel());
  }

  private static final String LEGACY_SOURCE_NAME = "Custom Source";

  /**
   * The type a source function produces. As in Flink, a type that cannot be extracted does not fail
   * here but becomes a placeholder that fails where the type is used, so that a later {@code
   * returns(...)} can still give it; its message names the overload that takes the type.
   */
  @SuppressWarnings("unchecked")
  private static <OUT> TypeInformation<OUT> legacySourceType(SourceFunction<OUT> function, String name) {
    if (function instanceof ResultTypeQueryable<?> queryable) {
      return (TypeInformation<OUT>) queryable.getProducedType();
    }
    TypeInformation<OUT> extracted = TypeExtractor.getUnaryReturnType(function, SourceFunction.class, -1, 0, null, name);
    if (extracted instanceof MissingTypeInfo<?> missing) {
      return new MissingTypeInfo<>(name, missing.getReason() + " (source function "
          + function.getClass().getName() + "); pass the type with addSource(function, sourceName, typeInfo),"
          + " or have the function implement ResultTypeQueryable");
    }
    return extracted;
  }

  // ---------------------------------------------------------------- execution

  /** Runs the job built so far and waits for it to end; bounded jobs end, unbounded ones run on. */
  public JobExecutionResult execute() throws Exception {
    return execute(DEFAULT_JOB_NAME);
  }

  /** Runs the job built so far under {@code jobName} and waits for it to end. */
  public JobExecutionResult execute(String jobName) throws Exception {
    JobClient client = executeAsync(jobName);
    try {
      JobExecutionResult result = client.getJobExecutionResult().get();
      jobListeners.forEach(l -> l.onJobExecuted(result, null));
      return result;
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      jobListeners.forEach(l -> l.onJobExecuted(null, cause));
      if (cause instanceof JobExecutionException jobFailure) {
        throw jobFailure;
      }
      throw new JobExecutionException(client.getJobID(), "Job '" + jobName + "' failed: " + cause, cause);
    } catch (InterruptedException e) {
      client.cancel();
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  /** Submits the job built so far and returns at once with a client to follow it. */
  public JobClient executeAsync(String jobName) throws Exception {
    StreamGraph graph = getStreamGraph(jobName);
    PipelineExecutor executor = findExecutor();
    JobClient client;
    try {
      client = executor.execute(graph);
    } catch (Exception e) {
      jobListeners.forEach(l -> l.onJobSubmitted(null, e));
      throw e;
    }
    jobListeners.forEach(l -> l.onJobSubmitted(client, null));
    return client;
  }

  /**
   * Builds and validates the graph of everything defined so far under {@code jobName}, and clears
   * the environment for the next job.
   */
  @Internal
  public StreamGraph getStreamGraph(String jobName) {
    validateFaultToleranceOptions();
    logUnappliedOptions(jobName);
    RuntimeExecutionMode mode = configuration.get(CoreOptions.RUNTIME_MODE);
    List<Transformation<?>> all = StreamGraph.reachableFrom(sinks);
    if (mode == RuntimeExecutionMode.AUTOMATIC) {
      boolean allBounded = all.stream()
          .filter(t -> t instanceof SourceTransformation<?>)
          .allMatch(t -> ((SourceTransformation<?>) t).getSource().getBoundedness() == Boundedness.BOUNDED);
      mode = allBounded ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING;
    }
    Configuration jobConfiguration = new Configuration(configuration).set(CoreOptions.RUNTIME_MODE, mode);
    cachedFiles.forEach(file -> io.spate.api.common.DistributedCache.writeFileInfoToConfig(file.f0, file.f1, jobConfiguration));
    StreamGraph graph = new StreamGraph(jobName, sinks, jobConfiguration, executionConfig, mode, userClassLoader);
    if (mode == RuntimeExecutionMode.BATCH) {
      for (Transformation<?> t : graph.transformations()) {
        if (t instanceof SourceTransformation<?> s && s.getSource().getBoundedness() != Boundedness.BOUNDED) {
          throw new InvalidProgramException("The job '" + jobName + "' runs in BATCH mode, but source "
              + s.describe() + " is unbounded: use STREAMING mode, or a bounded source.");
        }
      }
    }
    StreamGraphValidator.validate(graph, getParallelism(), getMaxParallelism());
    sinks.clear();
    return graph;
  }

  private PipelineExecutor findExecutor() {
    String target = configuration.get(ExecutionOptions.TARGET);
    List<String> available = new ArrayList<>();
    for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class, userClassLoader)) {
      if (factory.name().equals(target)) {
        return factory.getExecutor(configuration);
      }
      available.add(factory.name());
    }
    throw new IllegalStateException("No executor for execution.target '" + target + "' is on the classpath"
        + (available.isEmpty() ? ": add the spate-runtime module to run jobs." : "; available: " + available + "."));
  }

  /**
   * Flink options that Spate accepts without applying (ExecutionConfig's closure cleaner, latency
   * markers, ...) are told in the log rather than ignored silently.
   */
  private void logUnappliedOptions(String jobName) {
    for (String line : UnappliedOptions.describe(configuration)) {
      System.getLogger(StreamExecutionEnvironment.class.getName())
          .log(System.Logger.Level.WARNING, "Job '" + jobName + "': " + line);
    }
  }

  // ---------------------------------------------------------------- Flink's other environment members

  /** The name of a job executed without one. */
  public static final String DEFAULT_JOB_NAME = "Spate Streaming Job";

  private static volatile int defaultLocalParallelism = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final List<CloseableIterator<?>> collectIterators = new ArrayList<>();

  /** An environment with the default configuration; prefer {@link #getExecutionEnvironment()}. */
  public StreamExecutionEnvironment() {
    this(new Configuration());
  }

  /** An environment with {@code configuration} whose jobs' code comes from {@code userClassLoader}. */
  public StreamExecutionEnvironment(Configuration configuration, ClassLoader userClassLoader) {
    this(configuration);
    if (userClassLoader != null) {
      this.userClassLoader = userClassLoader;
    }
  }

  /** The listeners registered with {@link #registerJobListener}, in registration order. */
  public List<JobListener> getJobListeners() {
    return jobListeners;
  }

  /** Removes every listener registered with {@link #registerJobListener}. */
  public void clearJobListeners() {
    jobListeners.clear();
  }

  /**
   * True: Spate chains operators joined by a forward edge whatever their max parallelism, as Flink
   * does by default.
   */
  public boolean isChainingOfOperatorsWithDifferentMaxParallelismEnabled() {
    return true;
  }

  /**
   * Enables checkpoints every 500 ms, Flink's old default.
   *
   * @deprecated as in Flink: give the interval with {@link #enableCheckpointing(long)}.
   */
  @Deprecated
  public StreamExecutionEnvironment enableCheckpointing() {
    return enableCheckpointing(500L);
  }

  /**
   * Enables checkpoints in {@code mode} every {@code intervalMillis} milliseconds; {@code force} must be
   * false, since Spate never checkpoints a job with an iteration ({@link CheckpointConfig#setForceCheckpointing}).
   *
   * @deprecated as in Flink.
   */
  @Deprecated
  public StreamExecutionEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode, boolean force) {
    checkpointConfig.setForceCheckpointing(force);
    return enableCheckpointing(intervalMillis, mode);
  }

  /** The checkpoint interval in milliseconds, or -1 when checkpointing is disabled. */
  public long getCheckpointInterval() {
    return checkpointConfig.getCheckpointInterval();
  }

  /**
   * False, see {@link CheckpointConfig#isForceCheckpointing()}.
   *
   * @deprecated as in Flink.
   */
  @Deprecated
  public boolean isForceCheckpointing() {
    return checkpointConfig.isForceCheckpointing();
  }

  /** Whether unaligned checkpoints are enabled. */
  public boolean isUnalignedCheckpointsEnabled() {
    return checkpointConfig.isUnalignedCheckpointsEnabled();
  }

  /** False, see {@link CheckpointConfig#isForceUnalignedCheckpoints()}. */
  public boolean isForceUnalignedCheckpoints() {
    return checkpointConfig.isForceUnalignedCheckpoints();
  }

  /** Exactly-once or at-least-once. */
  public CheckpointingMode getCheckpointingMode() {
    return checkpointConfig.getCheckpointingMode();
  }

  /** Exactly-once or at-least-once; the same as {@link #getCheckpointingMode()}. */
  public CheckpointingMode getCheckpointingConsistencyMode() {
    return checkpointConfig.getCheckpointingConsistencyMode();
  }

  /** Sets the directory, a local path or a URI, of savepoints triggered without a target. */
  public StreamExecutionEnvironment setDefaultSavepointDirectory(String savepointDirectory) {
    checkpointConfig.setDefaultSavepointDirectory(Objects.requireNonNull(savepointDirectory, "savepointDirectory"));
    return this;
  }

  /** Sets the directory of savepoints triggered without a target. */
  public StreamExecutionEnvironment setDefaultSavepointDirectory(java.net.URI savepointDirectory) {
    return setDefaultSavepointDirectory(Objects.requireNonNull(savepointDirectory, "savepointDirectory").toString());
  }

  /** Sets the directory of savepoints triggered without a target. */
  public StreamExecutionEnvironment setDefaultSavepointDirectory(io.spate.api.fs.Path savepointDirectory) {
    return setDefaultSavepointDirectory(Objects.requireNonNull(savepointDirectory, "savepointDirectory").toString());
  }

  /** The directory of savepoints triggered without a target, or null if none is set. */
  public io.spate.api.fs.Path getDefaultSavepointDirectory() {
    return checkpointConfig.getDefaultSavepointDirectory().map(io.spate.api.fs.Path::new).orElse(null);
  }

  /**
   * Restarts a failed job up to {@code numberOfExecutionRetries} times, 10 s apart (a fixed-delay
   * restart strategy); 0 never restarts it, -1 leaves the restart strategy as it is.
   *
   * @deprecated as in Flink: use {@link #setRestartStrategy}.
   */
  @Deprecated
  public void setNumberOfExecutionRetries(int numberOfExecutionRetries) {
    if (numberOfExecutionRetries < -1) {
      throw new IllegalArgumentException("The number of execution retries must be at least 0, or -1 for the"
          + " restart strategy's own; got " + numberOfExecutionRetries + ".");
    }
    if (numberOfExecutionRetries >= 0) {
      setRestartStrategy(numberOfExecutionRetries == 0 ? RestartStrategies.noRestart()
          : RestartStrategies.fixedDelayRestart(numberOfExecutionRetries, EXECUTION_RETRY_DELAY));
    }
    this.numberOfExecutionRetries = numberOfExecutionRetries;
  }

  /**
   * The number given to {@link #setNumberOfExecutionRetries}, or -1 if none was.
   *
   * @deprecated as in Flink: see {@link #getRestartStrategy()}.
   */
  @Deprecated
  public int getNumberOfExecutionRetries() {
    return numberOfExecutionRetries;
  }

  private static final Duration EXECUTION_RETRY_DELAY = Duration.ofSeconds(10);
  private int numberOfExecutionRetries = -1;

  /**
   * Always fails, as {@link io.spate.api.serialization.SerializerConfig#addDefaultKryoSerializer(Class, Class)}:
   * Spate has no Kryo.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public void addDefaultKryoSerializer(Class<?> type, Class<?> serializerClass) {
    executionConfig.getSerializerConfig().addDefaultKryoSerializer(type, serializerClass);
  }

  /**
   * Always fails, as {@link io.spate.api.serialization.SerializerConfig#registerTypeWithKryoSerializer(Class,
   * Class)}: Spate has no Kryo.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public void registerTypeWithKryoSerializer(Class<?> type, Class<?> serializerClass) {
    executionConfig.getSerializerConfig().registerTypeWithKryoSerializer(type, serializerClass);
  }

  /**
   * Registers {@code type} with the serializers: a type Spate serializes through its type information
   * (a POJO, a record, a tuple, ...) is noted as a POJO type; any other would need Kryo, which Spate
   * does not have.
   *
   * @throws UnsupportedOperationException for a type that only a generic serializer could handle
   */
  public void registerType(Class<?> type) {
    Objects.requireNonNull(type, "registerType: the type must not be null.");
    try {
      TypeExtractor.createTypeInfo(type);
    } catch (io.spate.api.typeinfo.InvalidTypesException notDerivable) {
      try {
        executionConfig.getSerializerConfig().registerKryoType(type);
      } catch (UnsupportedOperationException noKryo) {
        noKryo.addSuppressed(notDerivable);
        throw noKryo;
      }
    }
    executionConfig.getSerializerConfig().registerPojoType(type);
  }

  /**
   * Applies every value of {@code conf} as {@link #configure(Configuration)} does, with classes that the
   * options name (such as a state backend's) loaded from {@code classLoader}.
   */
  public StreamExecutionEnvironment configure(Configuration conf, ClassLoader classLoader) {
    if (classLoader != null) {
      this.userClassLoader = classLoader;
    }
    return configure(conf);
  }

  /** A stream of the given elements, in order, of type {@code typeInfo}. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromData(TypeInformation<T> typeInfo, T... data) {
    Objects.requireNonNull(typeInfo, "fromData: the type information must not be null.");
    return fromData(Arrays.asList(data), typeInfo);
  }

  /** A stream of the given elements, in order, of the class {@code type}. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromData(Class<T> type, T... data) {
    Objects.requireNonNull(type, "fromData: the type must not be null.");
    return fromData(Arrays.asList(data), TypeInformation.of(type));
  }

  /**
   * The numbers {@code from} to {@code to}, both included, read in parallel.
   *
   * @deprecated as in Flink: use {@link #fromSequence(long, long)}, which this is.
   */
  @Deprecated
  public DataStreamSource<Long> generateSequence(long from, long to) {
    return fromSequence(from, to);
  }

  /**
   * The elements {@code data} returns, of the class {@code type}, read by one subtask; the iterator
   * must be serializable and may be endless. As in Flink, the stream counts as unbounded.
   */
  public <T> DataStreamSource<T> fromCollection(java.util.Iterator<T> data, Class<T> type) {
    return fromCollection(data, TypeInformation.of(Objects.requireNonNull(type, "fromCollection: the type must not be null.")));
  }

  /** Like {@link #fromCollection(java.util.Iterator, Class)}, with the elements' type information. */
  public <T> DataStreamSource<T> fromCollection(java.util.Iterator<T> data, TypeInformation<T> typeInfo) {
    Objects.requireNonNull(typeInfo, "fromCollection: the type information must not be null.");
    return addSource(new io.spate.api.functions.source.FromIteratorFunction<>(data), "Collection Source", typeInfo);
  }

  /** The records separated by {@code delimiter} read from a TCP socket, without reconnecting. */
  public DataStreamSource<String> socketTextStream(String hostname, int port, char delimiter) {
    return socketTextStream(hostname, port, String.valueOf(delimiter), 0);
  }

  /**
   * Like {@link #socketTextStream(String, int, char)}, reconnecting up to {@code maxRetry} times
   * when the server closes the connection.
   *
   * @deprecated as in Flink: use {@link #socketTextStream(String, int, String, long)}.
   */
  @Deprecated
  public DataStreamSource<String> socketTextStream(String hostname, int port, char delimiter, long maxRetry) {
    return socketTextStream(hostname, port, String.valueOf(delimiter), maxRetry);
  }

  /**
   * The records separated by {@code delimiter} read from a TCP socket. When the server closes the
   * connection the source connects again, 500 ms later, up to {@code maxRetry} times (-1: for ever;
   * 0: the stream ends with the first connection); a record cut by the end of a connection goes on in
   * the next. Needs the spate-connectors module on the class path.
   */
  public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter, long maxRetry) {
    if (maxRetry < -1) {
      throw new IllegalArgumentException("socketTextStream: maxRetry must be at least 0, or -1 to reconnect for"
          + " ever; got " + maxRetry + ".");
    }
    Source<String, ?, ?> source =
        textSourceFactory("socketTextStream").socketTextSource(hostname, port, delimiter, maxRetry);
    return addSource(source, WatermarkStrategy.noWatermarks(), "Socket Stream", Types.STRING, false);
  }

  /** Submits the job built so far under {@link #DEFAULT_JOB_NAME} and returns at once with a client. */
  public final JobClient executeAsync() throws Exception {
    return executeAsync(DEFAULT_JOB_NAME);
  }

  /**
   * The job built so far as a JSON plan: its operators ({@code nodes}) with their ids, names,
   * parallelism and inputs, each input with how records reach the operator ({@code ship_strategy}).
   * Unlike {@code execute()}, it leaves the job as it is.
   */
  public String getExecutionPlan() {
    return ExecutionPlan.json(sinks, getParallelism());
  }

  /**
   * Not supported: Spate submits a program's jar to a cluster with {@code spate run -m host:port
   * job.jar}, which runs its {@code main} there; an environment does not ship a graph to a remote
   * cluster.
   *
   * @throws UnsupportedOperationException always, saying what to do instead
   */
  public static StreamExecutionEnvironment createRemoteEnvironment(String host, int port, String... jarFiles) {
    throw remoteEnvironmentUnsupported(host, port);
  }

  /**
   * Not supported, see {@link #createRemoteEnvironment(String, int, String...)}.
   *
   * @throws UnsupportedOperationException always, saying what to do instead
   */
  public static StreamExecutionEnvironment createRemoteEnvironment(
      String host, int port, int parallelism, String... jarFiles) {
    throw remoteEnvironmentUnsupported(host, port);
  }

  /**
   * Not supported, see {@link #createRemoteEnvironment(String, int, String...)}.
   *
   * @throws UnsupportedOperationException always, saying what to do instead
   */
  public static StreamExecutionEnvironment createRemoteEnvironment(
      String host, int port, Configuration clientConfig, String... jarFiles) {
    throw remoteEnvironmentUnsupported(host, port);
  }

  private static UnsupportedOperationException remoteEnvironmentUnsupported(String host, int port) {
    return new UnsupportedOperationException("createRemoteEnvironment(" + host + ", " + port + "): Spate runs a"
        + " program on a cluster by submitting its jar: build the program with getExecutionEnvironment() and run"
        + " 'spate run -m " + host + ":" + port + " <job.jar>', which runs main() where the job's environment"
        + " submits to that cluster.");
  }

  /**
   * Gives a local environment the parallelism set with {@link #setDefaultLocalParallelism}, unless its
   * configuration sets one; without that call, the configuration's default is already the same.
   */
  private static void applyDefaultLocalParallelism(StreamExecutionEnvironment env, Configuration configuration) {
    if (!configuration.contains(CoreOptions.DEFAULT_PARALLELISM)
        && defaultLocalParallelism != CoreOptions.DEFAULT_PARALLELISM.defaultValue()) {
      env.setParallelism(defaultLocalParallelism);
    }
  }

  /**
   * The default parallelism of the environments {@link #createLocalEnvironment()} and, outside a
   * cluster, {@link #getExecutionEnvironment()} return: the number of cores unless set.
   */
  public static int getDefaultLocalParallelism() {
    return defaultLocalParallelism;
  }

  /** Sets the default parallelism of the environments {@link #createLocalEnvironment()} returns from now on. */
  public static void setDefaultLocalParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("The default local parallelism must be at least 1, got " + parallelism + ".");
    }
    defaultLocalParallelism = parallelism;
  }

  /**
   * Closes the iterators of {@code executeAndCollect()} that are still open, which cancels their jobs
   * if they still run, and forgets the transformations not executed yet.
   */
  public void close() throws Exception {
    List<CloseableIterator<?>> open;
    synchronized (collectIterators) {
      open = new ArrayList<>(collectIterators);
      collectIterators.clear();
    }
    Exception failure = null;
    for (CloseableIterator<?> iterator : open) {
      try {
        iterator.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    sinks.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private final List<io.spate.api.tuple.Tuple2<String, io.spate.api.common.DistributedCache.DistributedCacheEntry>>
      cachedFiles = new ArrayList<>();

  /**
   * Registers the file or directory {@code filePath} under {@code name} for every job of this
   * environment: functions read it with {@code getRuntimeContext().getDistributedCache().getFile(name)}.
   * Spate reads it in place, so it must be where every TaskExecutor of the job can read it.
   */
  public void registerCachedFile(String filePath, String name) {
    registerCachedFile(filePath, name, false);
  }

  /**
   * Like {@link #registerCachedFile(String, String)}; with {@code executable}, {@code getFile} checks
   * that the file is executable.
   *
   * @throws IllegalArgumentException if a file is registered under {@code name} already
   */
  public void registerCachedFile(String filePath, String name, boolean executable) {
    Objects.requireNonNull(filePath, "registerCachedFile: the file path must not be null.");
    Objects.requireNonNull(name, "registerCachedFile: the name must not be null.");
    for (var file : cachedFiles) {
      if (file.f0.equals(name)) {
        throw new IllegalArgumentException("registerCachedFile: the name '" + name + "' is taken by "
            + file.f1.filePath + " already.");
      }
    }
    cachedFiles.add(io.spate.api.tuple.Tuple2.of(name,
        new io.spate.api.common.DistributedCache.DistributedCacheEntry(filePath, executable)));
  }

  /** The files registered with {@link #registerCachedFile}, by name, in registration order. */
  public List<io.spate.api.tuple.Tuple2<String, io.spate.api.common.DistributedCache.DistributedCacheEntry>>
      getCachedFiles() {
    return cachedFiles;
  }

  /** Remembers an iterator of {@code executeAndCollect()} for {@link #close()}. */
  void registerCollectIterator(CloseableIterator<?> iterator) {
    synchronized (collectIterators) {
      collectIterators.add(iterator);
    }
  }

  // ---------------------------------------------------------------- slot sharing groups, parallel collections, ReadableConfig

  private final java.util.Map<String, io.spate.api.operators.SlotSharingGroup> slotSharingGroups =
      new java.util.LinkedHashMap<>();

  /**
   * Declares the resources of the slot sharing group that operators name with {@code
   * slotSharingGroup(String)}; registering a name again replaces its resources, as in Flink. Spate's
   * slots are not sized by resources: the group's name places operators, its resources are kept as
   * declared, and an operator that declares other resources for the same name is an error.
   */
  public StreamExecutionEnvironment registerSlotSharingGroup(io.spate.api.operators.SlotSharingGroup slotSharingGroup) {
    Objects.requireNonNull(slotSharingGroup, "registerSlotSharingGroup: the slot sharing group must not be null.");
    slotSharingGroups.put(slotSharingGroup.getName(), slotSharingGroup);
    return this;
  }

  /** The group registered under {@code name}, or the one an operator declared with resources, if any. */
  java.util.Optional<io.spate.api.operators.SlotSharingGroup> slotSharingGroup(String name) {
    return java.util.Optional.ofNullable(slotSharingGroups.get(name));
  }

  /**
   * Records the resources an operator declares with its group; a group without resources takes those
   * registered for its name, and two different declarations of one name are an error.
   */
  void declareSlotSharingGroup(io.spate.api.operators.SlotSharingGroup group, String operator) {
    Objects.requireNonNull(group, operator + ".slotSharingGroup: the slot sharing group must not be null.");
    if (group.getCpuCores().isEmpty()) {
      return;
    }
    io.spate.api.operators.SlotSharingGroup known = slotSharingGroups.putIfAbsent(group.getName(), group);
    if (known != null && !known.equals(group)) {
      throw new IllegalArgumentException("The slot sharing group '" + group.getName() + "' of " + operator
          + " has been configured with two different resource specs: " + known + " and " + group + ".");
    }
  }

  /**
   * Accepts {@code false}, which is what Spate does; {@code true} fails, since Spate has no changelog
   * state backend: its checkpoints copy the heap state or take a RocksDB checkpoint, and upload
   * asynchronously.
   *
   * @throws UnsupportedOperationException if {@code enabled} is true
   */
  public StreamExecutionEnvironment enableChangelogStateBackend(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("enableChangelogStateBackend(true): Spate has no changelog state"
          + " backend; its checkpoints snapshot the heap or RocksDB state and upload it asynchronously already."
          + " Remove the call (or pass false).");
    }
    return this;
  }

  /** A parallel stream of what {@code iterator} returns, each subtask reading its own split, of the class {@code type}. */
  public <T> DataStreamSource<T> fromParallelCollection(io.spate.api.util.SplittableIterator<T> iterator, Class<T> type) {
    Objects.requireNonNull(type, "fromParallelCollection: the type must not be null.");
    return fromParallelCollection(iterator, TypeInformation.of(type));
  }

  /** Like {@link #fromParallelCollection(io.spate.api.util.SplittableIterator, Class)}, with type information. */
  public <T> DataStreamSource<T> fromParallelCollection(io.spate.api.util.SplittableIterator<T> iterator,
      TypeInformation<T> typeInfo) {
    Objects.requireNonNull(iterator, "fromParallelCollection: the iterator must not be null.");
    Objects.requireNonNull(typeInfo, "fromParallelCollection: the type information must not be null.");
    return addSource(new io.spate.api.functions.source.FromSplittableIteratorFunction<>(iterator),
        "Parallel Collection Source", typeInfo);
  }

  /** Applies every value of {@code conf} as {@link #configure(Configuration)} does. */
  public StreamExecutionEnvironment configure(io.spate.api.configuration.ReadableConfig conf) {
    Objects.requireNonNull(conf, "configure: the configuration must not be null.");
    return configure(conf instanceof Configuration c ? c : Configuration.fromMap(conf.toMap()));
  }

  /** Applies every value of {@code conf} as {@link #configure(Configuration, ClassLoader)} does. */
  public StreamExecutionEnvironment configure(io.spate.api.configuration.ReadableConfig conf, ClassLoader classLoader) {
    Objects.requireNonNull(conf, "configure: the configuration must not be null.");
    return configure(conf instanceof Configuration c ? c : Configuration.fromMap(conf.toMap()), classLoader);
  }

  // ---------------------------------------------------------------- internal

  /**
   * A new transformation id, unique across environments as in Flink: a job may hold transformations
   * built on another environment's streams (the table bridge runs SQL over a program's DataStreams as
   * jobs of their own), and the graph tells its nodes apart by id.
   */
  int newId() {
    return NEXT_TRANSFORMATION_ID.getAndIncrement();
  }

  private static final java.util.concurrent.atomic.AtomicInteger NEXT_TRANSFORMATION_ID =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Adds a terminal transformation of the job. */
  void addSink(Transformation<?> sink) {
    sinks.add(sink);
  }
}
