package io.spate.table.api.config;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;

/** The session options of Spate SQL's generated code (set with {@code SET} or {@code getConfig().set(...)}). */
@PublicEvolving
public final class CodegenOptions {

  private CodegenOptions() {}

  /** Whether projections and filters run as generated, compiled Java code rather than interpreted. */
  public static final ConfigOption<Boolean> CODEGEN_ENABLED = ConfigOptions.key("table.exec.spate.codegen.enabled")
      .booleanType().defaultValue(true)
      .withDescription("Whether SQL projections and filters run as one generated Java class per calc, compiled with"
          + " Janino when the task opens; false runs them interpreted, with the same results (for debugging).");
}
