package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;

/**
 * Sets the thread's context class loader until closed, in a try-with-resources block, and then puts
 * back the one it replaced.
 */
@PublicEvolving
public final class TemporaryClassLoaderContext implements AutoCloseable {

  private final Thread thread;
  private final ClassLoader original;

  private TemporaryClassLoaderContext(Thread thread, ClassLoader original) {
    this.thread = thread;
    this.original = original;
  }

  /** Makes {@code cl} the current thread's context class loader until the context is closed. */
  public static TemporaryClassLoaderContext of(ClassLoader cl) {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(cl);
    return new TemporaryClassLoaderContext(thread, original);
  }

  /** Puts back the class loader that was the context class loader before. */
  @Override
  public void close() {
    thread.setContextClassLoader(original);
  }
}
