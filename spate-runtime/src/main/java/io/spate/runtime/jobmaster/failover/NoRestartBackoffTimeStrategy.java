package io.spate.runtime.jobmaster.failover;

/** Never restarts: the first failure fails the job. */
public final class NoRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

  /** The only instance; the strategy has no state. */
  public static final NoRestartBackoffTimeStrategy INSTANCE = new NoRestartBackoffTimeStrategy();

  private NoRestartBackoffTimeStrategy() {}

  @Override
  public void notifyFailure(Throwable cause) {}

  @Override
  public boolean canRestart() {
    return false;
  }

  @Override
  public long getBackoffTime() {
    return 0;
  }

  @Override
  public String toString() {
    return "no restart";
  }
}
