package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** The base class of rich functions: keeps the runtime context and does nothing on open/close. */
@Public
public abstract class AbstractRichFunction implements RichFunction {

  private static final long serialVersionUID = 1L;

  private transient RuntimeContext runtimeContext;

  @Override
  public void open(OpenContext openContext) throws Exception {}

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
