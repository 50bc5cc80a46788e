package io.spate.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits in tests for something to become true, bounded by a deadline: polls a condition, a value or a
 * call, returns as soon as it holds, and otherwise fails with an {@link AssertionError} that names what
 * was awaited and the last value or exception seen.
 *
 * <p>The poll interval starts at one millisecond and doubles up to {@link #MAX_POLL_INTERVAL}, so a
 * condition that holds quickly is seen quickly and a slow one does not keep a core busy. The condition
 * is checked once more at the deadline before the wait fails. An interrupt ends the wait with a
 * failure and leaves the thread's interrupt flag set.
 */
public final class Await {

  /** The longest pause between two polls. */
  public static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(100);

  private static final long FIRST_POLL_NANOS = 1_000_000L;

  private Await() {}

  /** A condition to wait for, which may throw; an exception ends the wait at once. */
  @FunctionalInterface
  public interface Condition {
    /** Whether the awaited state has been reached. */
    boolean holds() throws Exception;
  }

  /** A check that may throw, for {@link #untilPasses}: typically a block of assertions. */
  @FunctionalInterface
  public interface Check {
    /** Runs the check; returning normally means it passed. */
    void run() throws Exception;
  }

  /**
   * Waits until {@code condition} holds, at most {@code limit}. An exception it throws ends the wait at
   * once: unchecked ones as they are, checked ones as the cause of an {@link AssertionError}.
   */
  public static void until(Duration limit, String what, Condition condition) {
    until(limit, () -> what, condition);
  }

  /**
   * Like {@link #until(Duration, String, Condition)}, with the description computed only on
   * timeout, so that it can report the state the test saw (a job's status, a process's log).
   */
  public static void until(Duration limit, Supplier<String> what, Condition condition) {
    Objects.requireNonNull(condition, "condition");
    poll(limit, what, () -> condition.holds() ? Boolean.TRUE : null, false);
  }

  /**
   * Polls {@code value} until its result matches {@code matches}, at most {@code limit}, and returns that
   * result; the failure on timeout shows the last result. An exception from either ends the wait at once,
   * as in {@link #until(Duration, String, Condition)}.
   */
  public static <T> T untilMatches(Duration limit, String what, Callable<? extends T> value,
      Predicate<? super T> matches) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(matches, "matches");
    Object[] last = {null};
    Object result = poll(limit, () -> what + "; last value: " + last[0], () -> {
      T current = value.call();
      last[0] = current;
      return matches.test(current) ? new Matched(current) : null;
    }, false);
    @SuppressWarnings("unchecked")
    T matched = (T) ((Matched) result).value;
    return matched;
  }

  /**
   * Calls {@code call} until it returns without throwing, at most {@code limit}, and returns its result.
   * Exceptions and assertion errors count as "not yet"; on timeout the last one is the failure's cause.
   */
  public static <T> T untilSucceeds(Duration limit, String what, Callable<? extends T> call) {
    Objects.requireNonNull(call, "call");
    Object result = poll(limit, () -> what, () -> new Matched(call.call()), true);
    @SuppressWarnings("unchecked")
    T value = (T) ((Matched) result).value;
    return value;
  }

  /** Runs {@code check} until it passes, at most {@code limit}; on timeout its last failure is the cause. */
  public static void untilPasses(Duration limit, String what, Check check) {
    Objects.requireNonNull(check, "check");
    untilSucceeds(limit, what, () -> {
      check.run();
      return null;
    });
  }

  /** A result that may itself be null, told apart from "not yet". */
  private record Matched(Object value) {}

  /** One poll: a non-null answer ends the wait with it, null means "not yet". */
  @FunctionalInterface
  private interface Poll {
    Object attempt() throws Exception;
  }

  private static Object poll(Duration limit, Supplier<String> what, Poll poll, boolean retryFailures) {
    Objects.requireNonNull(what, "what");
    if (limit == null || limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("The limit of a wait must be positive, not " + limit);
    }
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    long pause = FIRST_POLL_NANOS;
    Throwable lastFailure = null;
    while (true) {
      try {
        Object answer = poll.attempt();
        if (answer != null) {
          return answer;
        }
      } catch (Exception | AssertionError e) {
        if (!retryFailures) {
          if (e instanceof RuntimeException unchecked) {
            throw unchecked;
          }
          if (e instanceof AssertionError assertion) {
            throw assertion;
          }
          throw new AssertionError("Failed while waiting for: " + what.get() + ": " + e, e);
        }
        lastFailure = e;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        String message = "Timed out after " + describe(limit) + " waiting for: " + what.get();
        if (lastFailure != null) {
          message += "; last failure: " + lastFailure;
        }
        throw new AssertionError(message, lastFailure);
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted after " + describe(Duration.ofNanos(System.nanoTime() - start))
            + " waiting for: " + what.get(), e);
      }
      pause = Math.min(pause * 2, MAX_POLL_INTERVAL.toNanos());
    }
  }

  private static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
