package io.spate.runtime.jobmaster;

import java.util.concurrent.Executor;

/**
 * The JobMaster's main thread, on which every part of the JobMaster runs: as an {@link Executor} for
 * the completions of remote calls, and with a delay for retries and restarts.
 */
interface MainThread extends Executor {

  /** Runs {@code action} on the main thread in {@code delayMillis}. */
  void schedule(Runnable action, long delayMillis);
}
