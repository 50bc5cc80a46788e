package io.spate.api.functions;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.Configuration;

/** A function with a life cycle and access to its {@link RuntimeContext}. */
@Public
public interface RichFunction extends Function {

  /**
   * Called once per parallel instance before the first record. By default it calls {@link
   * #open(Configuration)} with an empty configuration, so that functions written for that method
   * are opened through it; a function that overrides this method is not.
   */
  default void open(OpenContext openContext) throws Exception {
    open(new Configuration());
  }

  /**
   * The older form of {@link #open(OpenContext)}, called by its default with an empty configuration;
   * does nothing unless overridden. Read settings from the runtime context instead.
   *
   * @deprecated override {@link #open(OpenContext)}
   */
  @Deprecated
  default void open(Configuration parameters) throws Exception {}

  /** Called once per parallel instance after the last record, and when the task is cancelled. */
  void close() throws Exception;

  /** The runtime context; available from {@link #open} on. */
  RuntimeContext getRuntimeContext();

  /** Sets the runtime context; called by the runtime before {@link #open}. */
  void setRuntimeContext(RuntimeContext context);
}
