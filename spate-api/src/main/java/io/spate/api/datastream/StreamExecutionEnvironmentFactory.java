package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;

/**
 * Creates the environment that {@link StreamExecutionEnvironment#getExecutionEnvironment()} returns
 * in a context such as the {@code spate run} command.
 */
@PublicEvolving
@FunctionalInterface
public interface StreamExecutionEnvironmentFactory {

  /** Creates an environment; {@code configuration} holds what the program itself passed. */
  StreamExecutionEnvironment createExecutionEnvironment(Configuration configuration);
}
