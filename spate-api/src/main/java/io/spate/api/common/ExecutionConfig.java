package io.spate.api.common;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/** The per-job settings that user functions can read at run time. */
@Public
public final class ExecutionConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Configuration configuration;
  private Map<String, String> globalJobParameters = Map.of();

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

  /** Parameters visible to every function of the job. */
  public Map<String, String> getGlobalJobParameters() {
    return globalJobParameters;
  }

  /** Sets parameters visible to every function of the job. */
  public void setGlobalJobParameters(Map<String, String> parameters) {
    this.globalJobParameters = Map.copyOf(parameters);
  }
}
