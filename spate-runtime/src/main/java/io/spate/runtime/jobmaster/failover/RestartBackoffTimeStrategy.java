package io.spate.runtime.jobmaster.failover;

/**
 * Decides, after each failure of a job, whether it may restart and how long to wait first. The
 * JobMaster calls {@link #notifyFailure} once per failure, then {@link #canRestart} and {@link
 * #getBackoffTime}; implementations are not thread-safe and read time from an injected clock.
 */
public interface RestartBackoffTimeStrategy {

  /** Records a failure, at the strategy's current clock time. */
  void notifyFailure(Throwable cause);

  /** Whether the job may restart after the failures recorded so far. */
  boolean canRestart();

  /** Milliseconds to wait before restarting after the last recorded failure. */
  long getBackoffTime();
}
