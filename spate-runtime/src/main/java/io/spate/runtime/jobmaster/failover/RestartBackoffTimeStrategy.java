package io.spate.runtime.jobmaster.failover;

/** Decides whether a failed job restarts, and after how long. */
public interface RestartBackoffTimeStrategy {

  /** Records a failure. */
  void notifyFailure(Throwable cause);

  /** Whether the job may restart after the failures so far. */
  boolean canRestart();

  /** How long to wait before the restart, in ms. */
  long getBackoffTime();
}
