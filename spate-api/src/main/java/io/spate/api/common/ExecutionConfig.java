package io.spate.api.common;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.serialization.SerializerConfig;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
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
}
