package io.spate.runtime.jobmaster;

import io.spate.api.configuration.JobManagerOptions;
import java.time.Duration;

/**
 * A restart's wait for the task slots it lost with a TaskExecutor: asks again with a growing pause
 * until {@code slot.request.timeout} has passed since the wait began. Waiting uses up no restart
 * attempts; only the end of the wait fails the job. Main thread only.
 */
final class SlotWait {

  private static final long FIRST_RETRY_MILLIS = 50;
  private static final long MAX_RETRY_MILLIS = 2_000;

  private final long startNanos = System.nanoTime();
  private final Duration timeout;
  private long nextRetryMillis = FIRST_RETRY_MILLIS;
  private String lastRefusal;

  SlotWait(Duration timeout) {
    this.timeout = timeout;
  }

  /** When the wait began, in {@link System#nanoTime()}. */
  long startNanos() {
    return startNanos;
  }

  /** How long is left, at least 1 ms while not {@link #expired()}. */
  long remainingMillis() {
    return Math.max(0, timeout.toMillis() - (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Whether {@code slot.request.timeout} has passed since the wait began. */
  boolean expired() {
    return remainingMillis() == 0;
  }

  /** The pause before asking again: growing, and never past the end of the wait. */
  long nextRetryMillis() {
    long pause = Math.max(1, Math.min(nextRetryMillis, remainingMillis()));
    nextRetryMillis = Math.min(2 * nextRetryMillis, MAX_RETRY_MILLIS);
    return pause;
  }

  /**
   * Notes that the ResourceManager refused for {@code reason}.
   *
   * @return whether this is the first refusal of the wait, to be logged
   */
  boolean refused(String reason) {
    boolean first = lastRefusal == null;
    lastRefusal = reason;
    return first;
  }

  /** Why the job fails once the wait is over: how long it waited and the ResourceManager's last answer. */
  String failure(String fallback) {
    return "waited " + timeout.toMillis() + " ms (" + JobManagerOptions.SLOT_REQUEST_TIMEOUT.key() + "); the"
        + " ResourceManager's last answer: " + (lastRefusal != null ? lastRefusal : fallback);
  }

  /** The timeout, for messages. */
  Duration timeout() {
    return timeout;
  }
}
