package io.spate.api.functions;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.Configuration;

/** The base class of rich functions: keeps the runtime context and does nothing on open/close. */
@Public
public abstract class AbstractRichFunction implements RichFunction {

  private static final long serialVersionUID = 1L;

  private transient RuntimeContext runtimeContext;

  /** Calls {@link #open(Configuration)} with an empty configuration; override either. */
  @Override
  public void open(OpenContext openContext) throws Exception {
    open(new Configuration());
  }

  /**
   * Does nothing; called by {@link #open(OpenContext)} unless that is overridden.
   *
   * @deprecated override {@link #open(OpenContext)}
   */
  @Deprecated
  @Override
  public void open(Configuration parameters) throws Exception {}

  @Override
  public void close() throws Exception {}

  @Override
  public RuntimeContext getRuntimeContext() {
    if (runtimeContext == null) {
      throw new IllegalStateException(
          "The runtime context of " + getClass().getName() + " is not available before open().");
    }
    return runtimeContext;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    this.runtimeContext = context;
  }
}
