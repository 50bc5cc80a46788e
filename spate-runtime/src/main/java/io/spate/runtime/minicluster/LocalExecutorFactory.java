package io.spate.runtime.minicluster;

import io.spate.api.configuration.Configuration;
import io.spate.api.execution.PipelineExecutor;
import io.spate.api.execution.PipelineExecutorFactory;

/** Provides the {@code local} execution target: an embedded cluster in this JVM. */
public final class LocalExecutorFactory implements PipelineExecutorFactory {

  /** The target's name. */
  public static final String NAME = "local";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PipelineExecutor getExecutor(Configuration configuration) {
    return new LocalExecutor(configuration);
  }
}
