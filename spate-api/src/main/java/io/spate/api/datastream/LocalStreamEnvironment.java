package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.Configuration;
import io.spate.api.execution.ExecutionOptions;

/**
 * An environment that runs its jobs on an embedded cluster in this JVM, whatever the context: what
 * {@link StreamExecutionEnvironment#createLocalEnvironment()} and its overloads return.
 */
@Public
public class LocalStreamEnvironment extends StreamExecutionEnvironment {

  /** A local environment with the default configuration. */
  public LocalStreamEnvironment() {
    this(new Configuration());
  }

  /** A local environment with {@code configuration} applied. */
  public LocalStreamEnvironment(Configuration configuration) {
    super(new Configuration(configuration).set(ExecutionOptions.TARGET, "local"));
  }
}
