package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import java.time.Duration;

/**
 * The {@code pipeline.*} options under the class name Flink gives them: operator chaining, and the
 * pipeline options that {@link CoreOptions} also holds.
 */
@PublicEvolving
public final class PipelineOptions {

  private PipelineOptions() {}

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
}
