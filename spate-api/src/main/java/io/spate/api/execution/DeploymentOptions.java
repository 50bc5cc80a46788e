package io.spate.api.execution;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;

/** Where a program's jobs run, under the class name Flink gives the option; the same as {@link ExecutionOptions#TARGET}. */
@PublicEvolving
public final class DeploymentOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public DeploymentOptions() {}

  /** The same option as {@link ExecutionOptions#TARGET}. */
  public static final ConfigOption<String> TARGET = ExecutionOptions.TARGET;
}
