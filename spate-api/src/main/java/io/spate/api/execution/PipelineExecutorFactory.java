package io.spate.api.execution;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.Configuration;

/**
 * Creates {@link PipelineExecutor}s for one execution target; found with {@link
 * java.util.ServiceLoader}, so that the API does not depend on the runtime.
 */
@Internal
public interface PipelineExecutorFactory {

  /** The target's name, as given in {@code execution.target} (for example {@code local}). */
  String name();

  /** Creates an executor for {@code configuration}. */
  PipelineExecutor getExecutor(Configuration configuration);
}
