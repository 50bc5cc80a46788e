package io.spate.api.common;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.PipelineOptions;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.configuration.RestartStrategyOptions;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.api.serialization.SerializerConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The per-job settings that user functions can read at run time. */
@Public
public final class ExecutionConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Configuration configuration;
  private GlobalJobParameters globalJobParameters = new GlobalJobParameters();

  /** An execution config backed by {@code configuration}. */
  public ExecutionConfig(Configuration configuration) {
    this.configuration = configuration;
  }

  /** The default parallelism. */
  public int getParallelism() {
    return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
  }

  /** The max parallelism (number of key groups). */
  public int getMaxParallelism() {
    return configuration.get(CoreOptions.MAX_PARALLELISM);
  }

  /**
   * How often, in milliseconds, periodic watermarks are generated (option {@code
   * pipeline.auto-watermark-interval}); 0 means never.
   */
  public long getAutoWatermarkInterval() {
    return configuration.get(CoreOptions.AUTO_WATERMARK_INTERVAL).toMillis();
  }

  /** Sets how often periodic watermarks are generated. */
  public ExecutionConfig setAutoWatermarkInterval(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("The auto-watermark interval must not be negative: " + interval);
    }
    configuration.set(CoreOptions.AUTO_WATERMARK_INTERVAL, interval);
    return this;
  }

  /**
   * Sets how often, in milliseconds, periodic watermarks are generated: each watermark generator's
   * {@code onPeriodicEmit} and each legacy {@code AssignerWithPeriodicWatermarks}'s {@code
   * getCurrentWatermark} are called at this interval; 0 turns periodic watermarks off.
   */
  public ExecutionConfig setAutoWatermarkInterval(long intervalMillis) {
    if (intervalMillis < 0) {
      throw new IllegalArgumentException("The auto-watermark interval must not be negative, but was "
          + intervalMillis + " ms.");
    }
    return setAutoWatermarkInterval(Duration.ofMillis(intervalMillis));
  }

  /** Whether object reuse is enabled. */
  public boolean isObjectReuseEnabled() {
    return configuration.get(CoreOptions.OBJECT_REUSE);
  }

  /** Enables object reuse. */
  public ExecutionConfig enableObjectReuse() {
    configuration.set(CoreOptions.OBJECT_REUSE, true);
    return this;
  }

  /** Disables object reuse. */
  public ExecutionConfig disableObjectReuse() {
    configuration.set(CoreOptions.OBJECT_REUSE, false);
    return this;
  }

  /**
   * The parameters visible to every function of the job (through {@code
   * getRuntimeContext().getExecutionConfig().getGlobalJobParameters()}); empty unless set.
   */
  public GlobalJobParameters getGlobalJobParameters() {
    return globalJobParameters;
  }

  /**
   * Makes {@code parameters} (such as a {@code ParameterTool}) visible to every function of the job;
   * they travel with the job, so they must be serializable.
   */
  public void setGlobalJobParameters(GlobalJobParameters parameters) {
    this.globalJobParameters = Objects.requireNonNull(parameters, "The global job parameters must not be null.");
  }

  /**
   * Parameters a job hands to all its functions; subclass it, or use {@code ParameterTool}. {@link
   * #toMap()} is what {@code RuntimeContext.getGlobalJobParameters()} returns.
   */
  @Public
  public static class GlobalJobParameters implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The parameters as key/value pairs; none for this base class. */
    public Map<String, String> toMap() {
      return Collections.emptyMap();
    }

    @Override
    public boolean equals(Object o) {
      return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return GlobalJobParameters.class.hashCode();
    }
  }

  // Serialization settings (Flink's getSerializerConfig).

  private final SerializerConfig serializerConfig = new SerializerConfig();

  /**
   * The job's serialization settings, with the registration methods Flink programs call; Kryo
   * registrations fail there with a message naming the alternative, since Spate has no Kryo.
   */
  public SerializerConfig getSerializerConfig() {
    return serializerConfig;
  }

  /** Flink's older spelling of {@code getSerializerConfig().registerPojoType(type)}. */
  public void registerPojoType(Class<?> type) {
    serializerConfig.registerPojoType(type);
  }

  /** The types given to {@link #registerPojoType}, in registration order. */
  public LinkedHashSet<Class<?>> getRegisteredPojoTypes() {
    return serializerConfig.getRegisteredPojoTypes();
  }

  /**
   * Always fails, as {@link SerializerConfig#registerKryoType} does: Spate has no Kryo.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public void registerKryoType(Class<?> type) {
    serializerConfig.registerKryoType(type);
  }

  /**
   * Always fails, as {@link SerializerConfig#registerTypeWithKryoSerializer(Class, Serializable)} does.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public <T extends Serializable> void registerTypeWithKryoSerializer(Class<?> type, T serializer) {
    serializerConfig.registerTypeWithKryoSerializer(type, serializer);
  }

  /**
   * Always fails, as {@link SerializerConfig#registerTypeWithKryoSerializer(Class, Class)} does.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public void registerTypeWithKryoSerializer(Class<?> type, Class<?> serializerClass) {
    serializerConfig.registerTypeWithKryoSerializer(type, serializerClass);
  }

  /**
   * Always fails, as {@link SerializerConfig#addDefaultKryoSerializer(Class, Serializable)} does.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public <T extends Serializable> void addDefaultKryoSerializer(Class<?> type, T serializer) {
    serializerConfig.addDefaultKryoSerializer(type, serializer);
  }

  /**
   * Always fails, as {@link SerializerConfig#addDefaultKryoSerializer(Class, Class)} does.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public void addDefaultKryoSerializer(Class<?> type, Class<?> serializerClass) {
    serializerConfig.addDefaultKryoSerializer(type, serializerClass);
  }

  /** Empty: Spate registers no Kryo types. */
  public LinkedHashSet<Class<?>> getRegisteredKryoTypes() {
    return serializerConfig.getRegisteredKryoTypes();
  }

  /**
   * Always fails: Spate has no Kryo to force.
   *
   * @throws UnsupportedOperationException saying so
   */
  public void enableForceKryo() {
    serializerConfig.setForceKryo(true);
  }

  /** Accepted: Spate never uses Kryo. */
  public void disableForceKryo() {
    serializerConfig.setForceKryo(false);
  }

  /** Always false: Spate has no Kryo. */
  public boolean isForceKryoEnabled() {
    return serializerConfig.isForceKryoEnabled();
  }

  /**
   * Always fails: Spate does not serialize POJOs with Avro.
   *
   * @throws UnsupportedOperationException saying so
   */
  public void enableForceAvro() {
    serializerConfig.setForceAvro(true);
  }

  /** Accepted: Spate never serializes POJOs with Avro. */
  public void disableForceAvro() {
    serializerConfig.setForceAvro(false);
  }

  /** Always false: Spate does not serialize POJOs with Avro. */
  public boolean isForceAvroEnabled() {
    return serializerConfig.isForceAvroEnabled();
  }

  /** Allows generic types; Spate has no generic serializer, so a type without type information still fails. */
  public void enableGenericTypes() {
    serializerConfig.setGenericTypes(true);
  }

  /** Disallows generic types, which Spate never uses anyway. */
  public void disableGenericTypes() {
    serializerConfig.setGenericTypes(false);
  }

  /** Whether {@link #disableGenericTypes} was called last. */
  public boolean hasGenericTypesDisabled() {
    return serializerConfig.hasGenericTypesDisabled();
  }

  // ---------------------------------------------------------------- Flink's remaining ExecutionConfig members

  /** The parallelism value that stands for "the default parallelism" ({@code parallelism.default}). */
  public static final int PARALLELISM_DEFAULT = -1;

  /** The parallelism value Flink uses for "not known yet". */
  public static final int PARALLELISM_UNKNOWN = -2;

  /** The parallelism value Flink uses for "as many as there are slots"; Spate's sources take it as given. */
  public static final int PARALLELISM_AUTO_MAX = Integer.MAX_VALUE;

  private boolean autoTypeRegistrationDisabled;

  /** An execution config with a configuration of its own, holding only defaults. */
  public ExecutionConfig() {
    this(new Configuration());
  }

  /**
   * Sets the default parallelism ({@code parallelism.default}); {@link #PARALLELISM_DEFAULT} goes back
   * to the configured default.
   *
   * @throws IllegalArgumentException if {@code parallelism} is neither at least 1 nor {@link #PARALLELISM_DEFAULT}
   */
  public ExecutionConfig setParallelism(int parallelism) {
    if (parallelism == PARALLELISM_DEFAULT) {
      configuration.removeConfig(CoreOptions.DEFAULT_PARALLELISM);
    } else if (parallelism < 1) {
      throw new IllegalArgumentException("The parallelism must be at least 1, or ExecutionConfig.PARALLELISM_DEFAULT"
          + " (-1) for the default, but is " + parallelism + ".");
    } else {
      configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    }
    return this;
  }

  /**
   * Sets the max parallelism ({@code pipeline.max-parallelism}): the number of key groups.
   *
   * @throws IllegalArgumentException if {@code maxParallelism} is not in [1, 32768]
   */
  public void setMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
      throw new IllegalArgumentException("The max parallelism must be in [1, 32768], but is " + maxParallelism + ".");
    }
    configuration.set(CoreOptions.MAX_PARALLELISM, maxParallelism);
  }

  /** How Flink's closure cleaner would treat functions; Spate has none, so a level other than NONE is logged. */
  @Public
  public enum ClosureCleanerLevel {
    /** No cleaning: what Spate always does. */
    NONE,
    /** Flink cleans the function's own class only. */
    TOP_LEVEL,
    /** Flink cleans the function and, recursively, the objects its fields refer to. */
    RECURSIVE;

    /** What the level means, in a sentence. */
    public String getDescription() {
      return switch (this) {
        case NONE -> "Functions are used as written.";
        case TOP_LEVEL -> "Flink cleans the function's own class; not applied by Spate.";
        case RECURSIVE -> "Flink cleans the function and the objects it refers to; not applied by Spate.";
      };
    }
  }

  /** Sets the closure cleaner level to RECURSIVE, Flink's default; Spate logs it when the job starts. */
  public ExecutionConfig enableClosureCleaner() {
    return setClosureCleanerLevel(ClosureCleanerLevel.RECURSIVE);
  }

  /** Sets the closure cleaner level to NONE, which is what Spate does. */
  public ExecutionConfig disableClosureCleaner() {
    return setClosureCleanerLevel(ClosureCleanerLevel.NONE);
  }

  /** Whether a closure cleaner level other than NONE is set. */
  public boolean isClosureCleanerEnabled() {
    return getClosureCleanerLevel() != ClosureCleanerLevel.NONE;
  }

  /** Sets {@code pipeline.closure-cleaner-level}; a level other than NONE is logged when the job starts. */
  public ExecutionConfig setClosureCleanerLevel(ClosureCleanerLevel level) {
    configuration.set(PipelineOptions.CLOSURE_CLEANER_LEVEL, Objects.requireNonNull(level, "level"));
    return this;
  }

  /** The closure cleaner level set, NONE by default. */
  public ClosureCleanerLevel getClosureCleanerLevel() {
    return configuration.get(PipelineOptions.CLOSURE_CLEANER_LEVEL);
  }

  /**
   * Sets Flink's latency marker interval in milliseconds ({@code metrics.latency.interval}); 0 or less
   * turns markers off, which is what Spate does: a positive interval is logged when the job starts.
   */
  public ExecutionConfig setLatencyTrackingInterval(long intervalMillis) {
    configuration.set(PipelineOptions.LATENCY_INTERVAL, Duration.ofMillis(Math.max(0, intervalMillis)));
    return this;
  }

  /** The latency marker interval in milliseconds; 0 when off. */
  public long getLatencyTrackingInterval() {
    return configuration.get(PipelineOptions.LATENCY_INTERVAL).toMillis();
  }

  /** Flink's interval between interrupts of a task that ignores cancellation, in ms; not applied by Spate. */
  public long getTaskCancellationInterval() {
    return configuration.get(TaskManagerOptions.TASK_CANCELLATION_INTERVAL);
  }

  /**
   * Sets {@code task.cancellation.interval}; accepted and logged when the job starts, not applied.
   *
   * @throws IllegalArgumentException if {@code intervalMillis} is not positive
   */
  public ExecutionConfig setTaskCancellationInterval(long intervalMillis) {
    if (intervalMillis < 1) {
      throw new IllegalArgumentException("The task cancellation interval must be at least 1 ms, but is "
          + intervalMillis + " ms.");
    }
    configuration.set(TaskManagerOptions.TASK_CANCELLATION_INTERVAL, intervalMillis);
    return this;
  }

  /** Flink's time after which a task ignoring cancellation fails its TaskManager, in ms; not applied by Spate. */
  public long getTaskCancellationTimeout() {
    return configuration.get(TaskManagerOptions.TASK_CANCELLATION_TIMEOUT);
  }

  /**
   * Sets {@code task.cancellation.timeout} (0 means none); accepted and logged when the job starts, not applied.
   *
   * @throws IllegalArgumentException if {@code timeoutMillis} is negative
   */
  public ExecutionConfig setTaskCancellationTimeout(long timeoutMillis) {
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("The task cancellation timeout must not be negative, but is "
          + timeoutMillis + " ms.");
    }
    configuration.set(TaskManagerOptions.TASK_CANCELLATION_TIMEOUT, timeoutMillis);
    return this;
  }

  /**
   * Sets how a failed job is restarted, by writing the {@code restart-strategy.*} options (the same as
   * {@code env.setRestartStrategy}); {@code RestartStrategies.fallBackRestart()} removes them.
   */
  public void setRestartStrategy(RestartStrategies.RestartStrategyConfiguration strategy) {
    Objects.requireNonNull(strategy, "The restart strategy must not be null.");
    RestartStrategyOptions.clear(configuration);
    configuration.addAll(strategy.toConfiguration());
  }

  /** The restart strategy set for the job, or the fallback (the cluster's, or the default) if none is. */
  public RestartStrategies.RestartStrategyConfiguration getRestartStrategy() {
    return RestartStrategies.fromConfiguration(configuration)
        .orElseGet(RestartStrategies.FallbackRestartStrategyConfiguration::new);
  }

  /**
   * The restarts of a fixed-delay strategy, or -1 when another strategy or none is set.
   *
   * @deprecated use {@link #getRestartStrategy()}.
   */
  @Deprecated
  public int getNumberOfExecutionRetries() {
    return getRestartStrategy() instanceof RestartStrategies.FixedDelayRestartStrategyConfiguration fixed
        ? fixed.getRestartAttempts() : -1;
  }

  /**
   * The delay of a fixed-delay strategy in milliseconds ({@code restart-strategy.fixed-delay.delay}).
   *
   * @deprecated use {@link #getRestartStrategy()}.
   */
  @Deprecated
  public long getExecutionRetryDelay() {
    return configuration.get(RestartStrategyOptions.FIXED_DELAY_DELAY).toMillis();
  }

  /**
   * Restarts a failed job {@code retries} times with the delay of {@link #setExecutionRetryDelay} (a
   * fixed-delay strategy); 0 fails it on the first failure, -1 falls back to the cluster's strategy.
   *
   * @deprecated use {@link #setRestartStrategy} with {@code RestartStrategies.fixedDelayRestart}.
   * @throws IllegalArgumentException if {@code retries} is below -1
   */
  @Deprecated
  public ExecutionConfig setNumberOfExecutionRetries(int retries) {
    if (retries < -1) {
      throw new IllegalArgumentException("The number of execution retries must be at least 0, or -1 for the"
          + " cluster's restart strategy, but is " + retries + ".");
    }
    if (retries == -1) {
      configuration.removeConfig(RestartStrategyOptions.RESTART_STRATEGY);
    } else {
      configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      configuration.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, retries);
    }
    return this;
  }

  /**
   * Sets the delay of {@link #setNumberOfExecutionRetries} in milliseconds.
   *
   * @deprecated use {@link #setRestartStrategy} with {@code RestartStrategies.fixedDelayRestart}.
   * @throws IllegalArgumentException if {@code delayMillis} is negative
   */
  @Deprecated
  public ExecutionConfig setExecutionRetryDelay(long delayMillis) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("The execution retry delay must not be negative, but is "
          + delayMillis + " ms.");
    }
    configuration.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(delayMillis));
    return this;
  }

  /** Lets operators without a uid get one derived from the job's structure (the default). */
  public void enableAutoGeneratedUIDs() {
    configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, true);
  }

  /** Makes a uid mandatory: a job with an operator, source or sink without one fails at submission, naming it. */
  public void disableAutoGeneratedUIDs() {
    configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
  }

  /** Whether operators without a uid get one generated. */
  public boolean hasAutoGeneratedUIDsEnabled() {
    return configuration.get(PipelineOptions.AUTO_GENERATE_UIDS);
  }

  /** A serializer instance as Flink's Kryo registrations hold it; Spate never creates one, having no Kryo. */
  @Public
  public static class SerializableSerializer<T extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final T serializer;

    /** Wraps {@code serializer}. */
    public SerializableSerializer(T serializer) {
      this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** The serializer wrapped. */
    public T getSerializer() {
      return serializer;
    }
  }

  /** Empty: Kryo registrations are refused, as {@link #registerTypeWithKryoSerializer(Class, Serializable)} says. */
  public LinkedHashMap<Class<?>, SerializableSerializer<?>> getRegisteredTypesWithKryoSerializers() {
    return new LinkedHashMap<>();
  }

  /** Empty: Kryo registrations are refused. */
  public LinkedHashMap<Class<?>, Class<?>> getRegisteredTypesWithKryoSerializerClasses() {
    return serializerConfig.getRegisteredTypesWithKryoSerializerClasses();
  }

  /** Empty: Kryo registrations are refused. */
  public LinkedHashMap<Class<?>, SerializableSerializer<?>> getDefaultKryoSerializers() {
    return new LinkedHashMap<>();
  }

  /** Empty: Kryo registrations are refused. */
  public LinkedHashMap<Class<?>, Class<?>> getDefaultKryoSerializerClasses() {
    return serializerConfig.getDefaultKryoSerializerClasses();
  }

  /** Whether {@link #disableAutoTypeRegistration()} was called. */
  public boolean isAutoTypeRegistrationDisabled() {
    return autoTypeRegistrationDisabled;
  }

  /** Turns off Flink's automatic Kryo registration of types, which Spate, without Kryo, never does anyway. */
  public void disableAutoTypeRegistration() {
    autoTypeRegistrationDisabled = true;
  }

  /** Whether snapshot compression is asked for ({@code execution.checkpointing.snapshot-compression}). */
  public boolean isUseSnapshotCompression() {
    return configuration.get(CheckpointingOptions.SNAPSHOT_COMPRESSION);
  }

  /** Asks for compressed snapshots; Spate writes them uncompressed, so true is logged when the job starts. */
  public void setUseSnapshotCompression(boolean useSnapshotCompression) {
    configuration.set(CheckpointingOptions.SNAPSHOT_COMPRESSION, useSnapshotCompression);
  }

  /** Flink's limit of records in flight in asynchronous state access; Spate has no asynchronous state. */
  public int getAsyncInflightRecordsLimit() {
    return configuration.get(PipelineOptions.ASYNC_INFLIGHT_RECORDS_LIMIT);
  }

  /**
   * Sets {@code execution.async-state.in-flight-records-limit}; accepted and logged when the job starts,
   * not applied, as Spate has no asynchronous state.
   *
   * @throws IllegalArgumentException if {@code limit} is not positive
   */
  public ExecutionConfig setAsyncInflightRecordsLimit(int limit) {
    configuration.set(PipelineOptions.ASYNC_INFLIGHT_RECORDS_LIMIT, (int) positive("in-flight records limit", limit));
    return this;
  }

  /** Flink's batch size of asynchronous state requests; Spate has no asynchronous state. */
  public int getAsyncStateBufferSize() {
    return configuration.get(PipelineOptions.ASYNC_STATE_BUFFER_SIZE);
  }

  /**
   * Sets {@code execution.async-state.buffer-size}; accepted and logged when the job starts, not applied.
   *
   * @throws IllegalArgumentException if {@code size} is not positive
   */
  public ExecutionConfig setAsyncStateBufferSize(int size) {
    configuration.set(PipelineOptions.ASYNC_STATE_BUFFER_SIZE, (int) positive("async state buffer size", size));
    return this;
  }

  /** Flink's wait in ms before a partial batch of asynchronous state requests runs; Spate has no asynchronous state. */
  public long getAsyncStateBufferTimeout() {
    return configuration.get(PipelineOptions.ASYNC_STATE_BUFFER_TIMEOUT);
  }

  /**
   * Sets {@code execution.async-state.buffer-timeout} in milliseconds; accepted and logged when the job
   * starts, not applied.
   *
   * @throws IllegalArgumentException if {@code timeoutMillis} is not positive
   */
  public ExecutionConfig setAsyncStateBufferTimeout(long timeoutMillis) {
    configuration.set(PipelineOptions.ASYNC_STATE_BUFFER_TIMEOUT, positive("async state buffer timeout", timeoutMillis));
    return this;
  }

  private static long positive(String what, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("The " + what + " must be at least 1, but is " + value + ".");
    }
    return value;
  }

  /** The options this config reads and {@link #configure} copies. */
  private static final List<ConfigOption<?>> OWN_OPTIONS = List.of(
      CoreOptions.DEFAULT_PARALLELISM, CoreOptions.MAX_PARALLELISM, CoreOptions.AUTO_WATERMARK_INTERVAL,
      CoreOptions.OBJECT_REUSE, PipelineOptions.AUTO_GENERATE_UIDS, PipelineOptions.CLOSURE_CLEANER_LEVEL,
      PipelineOptions.LATENCY_INTERVAL, TaskManagerOptions.TASK_CANCELLATION_INTERVAL,
      TaskManagerOptions.TASK_CANCELLATION_TIMEOUT, CheckpointingOptions.SNAPSHOT_COMPRESSION,
      PipelineOptions.ASYNC_INFLIGHT_RECORDS_LIMIT, PipelineOptions.ASYNC_STATE_BUFFER_SIZE,
      PipelineOptions.ASYNC_STATE_BUFFER_TIMEOUT);

  /**
   * Applies the options of {@code conf} that this config reads (parallelism, max parallelism,
   * watermark interval, object reuse, uids, closure cleaner, latency interval, cancellation, snapshot
   * compression and the restart strategy); options {@code conf} does not set stay as they are.
   */
  public void configure(ReadableConfig conf, ClassLoader classLoader) {
    for (ConfigOption<?> option : OWN_OPTIONS) {
      copy(conf, option);
    }
    RestartStrategies.fromConfiguration(conf).ifPresent(this::setRestartStrategy);
  }

  private <T> void copy(ReadableConfig conf, ConfigOption<T> option) {
    conf.getOptional(option).ifPresent(value -> configuration.set(option, value));
  }

  /** Whether {@code other} is an execution config, so that {@link #equals} may compare with it. */
  public boolean canEqual(Object other) {
    return other instanceof ExecutionConfig;
  }

  /** Equal when the settings, the global job parameters and the auto type registration are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ExecutionConfig other && other.canEqual(this)
        && configuration.equals(other.configuration)
        && globalJobParameters.equals(other.globalJobParameters)
        && autoTypeRegistrationDisabled == other.autoTypeRegistrationDisabled;
  }

  @Override
  public int hashCode() {
    return Objects.hash(configuration, globalJobParameters, autoTypeRegistrationDisabled);
  }
}
