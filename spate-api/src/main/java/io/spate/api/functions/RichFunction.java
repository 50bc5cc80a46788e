package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** A function with a life cycle and access to its {@link RuntimeContext}. */
@Public
public interface RichFunction extends Function {

  /** Called once per parallel instance before the first record. */
  void open(OpenContext openContext) throws Exception;

  /** Called once per parallel instance after the last record, and when the task is cancelled. */
  void close() throws Exception;

  /** The runtime context; available from {@link #open} on. */
  RuntimeContext getRuntimeContext();

  /** Sets the runtime context; called by the runtime before {@link #open}. */
  void setRuntimeContext(RuntimeContext context);
}
