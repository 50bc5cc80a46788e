package io.spate.api.util;

import io.spate.api.annotation.Public;

/**
 * The class loader of a job's code, with hooks that run when the job is done with it: where a
 * schema or function that loaded something through it (a driver, a thread) releases that.
 */
@Public
public interface UserCodeClassLoader {

  /** The class loader itself. */
  ClassLoader asClassLoader();

  /**
   * Registers {@code releaseHook} to run when the class loader is released, unless a hook of the
   * same {@code releaseHookName} is registered already.
   */
  void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook);
}
