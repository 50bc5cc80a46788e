package io.spate.api.execution;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;

/** Options that choose where jobs run. */
@PublicEvolving
public final class ExecutionOptions {

  private ExecutionOptions() {}

  /** The execution target. */
  public static final ConfigOption<String> TARGET =
      ConfigOption.key("execution.target")
          .stringType()
          .defaultValue("local")
          .withDescription("Where jobs run: 'local' starts an embedded cluster in this JVM.");
}
