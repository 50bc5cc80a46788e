package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import java.time.Duration;

/**
 * The {@code pipeline.*} options under the class name Flink gives them: operator chaining, and the
 * pipeline options that {@link CoreOptions} also holds.
 */
@PublicEvolving
public final class PipelineOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public PipelineOptions() {}

  /** Whether operators are chained into one task where they can be; {@code disableOperatorChaining()} sets false. */
  public static final ConfigOption<Boolean> OPERATOR_CHAINING =
      ConfigOption.key("pipeline.operator-chaining.enabled")
          .booleanType()
          .defaultValue(true)
          .withDescription("Chains an operator to its input (one task, records passed by a method call) where"
              + " the edge is forward and the parallelism equal; false runs every operator as a task of its own.");

  /** The same option as {@link CoreOptions#MAX_PARALLELISM}. */
  public static final ConfigOption<Integer> MAX_PARALLELISM = CoreOptions.MAX_PARALLELISM;

  /** The same option as {@link CoreOptions#AUTO_WATERMARK_INTERVAL}. */
  public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = CoreOptions.AUTO_WATERMARK_INTERVAL;

  /** The same option as {@link CoreOptions#OBJECT_REUSE}. */
  public static final ConfigOption<Boolean> OBJECT_REUSE = CoreOptions.OBJECT_REUSE;

  // ---------------------------------------------------------------- options of ExecutionConfig

  /** Whether operators without a uid get one generated; false makes a uid on every operator mandatory. */
  public static final ConfigOption<Boolean> AUTO_GENERATE_UIDS =
      ConfigOption.key("pipeline.auto-generate-uids")
          .booleanType()
          .defaultValue(true)
          .withDescription("Whether an operator, source or sink without a uid gets one derived from its place in"
              + " the job; false makes the job fail at submission, naming each operator without a uid, so that"
              + " every piece of state is tied to a uid chosen by hand.");

  /** Flink's closure cleaner level; Spate has no closure cleaner. */
  public static final ConfigOption<ExecutionConfig.ClosureCleanerLevel> CLOSURE_CLEANER_LEVEL =
      ConfigOption.key("pipeline.closure-cleaner-level")
          .enumType(ExecutionConfig.ClosureCleanerLevel.class)
          .defaultValue(ExecutionConfig.ClosureCleanerLevel.NONE)
          .withDescription("Kept for Flink compatibility: Spate does not clean closures (it never changes the"
              + " fields of a function), so the default is none; top_level or recursive is accepted and logged.");

  /** Flink's interval of latency markers ({@code MetricOptions.LATENCY_INTERVAL} there); Spate sends none. */
  public static final ConfigOption<java.time.Duration> LATENCY_INTERVAL =
      ConfigOption.key("metrics.latency.interval")
          .durationType()
          .defaultValue(java.time.Duration.ZERO)
          .withDescription("Kept for Flink compatibility: Spate sends no latency markers, so 0 (off) is what it"
              + " does; a positive interval is accepted and logged.");

  /** Flink's limit of records in flight in asynchronous state access; Spate has no asynchronous state. */
  public static final ConfigOption<Integer> ASYNC_INFLIGHT_RECORDS_LIMIT =
      ConfigOption.key("execution.async-state.in-flight-records-limit")
          .intType()
          .defaultValue(6000)
          .withDescription("Kept for Flink compatibility (ExecutionOptions there): Spate has no asynchronous state"
              + " API, so a value set is accepted and logged but not applied.");

  /** Flink's batch size of asynchronous state requests; Spate has no asynchronous state. */
  public static final ConfigOption<Integer> ASYNC_STATE_BUFFER_SIZE =
      ConfigOption.key("execution.async-state.buffer-size")
          .intType()
          .defaultValue(1000)
          .withDescription("Kept for Flink compatibility (ExecutionOptions there): Spate has no asynchronous state"
              + " API, so a value set is accepted and logged but not applied.");

  /** Flink's wait, in ms, before a partial batch of asynchronous state requests runs; Spate has no asynchronous state. */
  public static final ConfigOption<Long> ASYNC_STATE_BUFFER_TIMEOUT =
      ConfigOption.key("execution.async-state.buffer-timeout")
          .longType()
          .defaultValue(1000L)
          .withDescription("Kept for Flink compatibility (ExecutionOptions there), in milliseconds: Spate has no"
              + " asynchronous state API, so a value set is accepted and logged but not applied.");
}
