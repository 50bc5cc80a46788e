package io.spate.runtime.state;

/**
 * Timers that a keyed state backend includes in its snapshots (per key group, like state) and
 * restores: an operator's timer service.
 */
public interface SnapshottableTimers {

  /** Receives each timer. */
  @FunctionalInterface
  interface TimerVisitor {
    /** A timer of {@code key} in {@code namespace} at {@code timestamp}, in event or processing time. */
    void visit(boolean eventTime, Object key, Object namespace, long timestamp) throws java.io.IOException;
  }

  /**
   * Calls {@code visitor} with every timer set, except those the backend writes itself (see {@link
   * io.spate.runtime.timers.TimerQueue#isSnapshotByBackend()}); on the task's thread.
   */
  void forEachTimer(TimerVisitor visitor) throws java.io.IOException;

  /** Sets a restored timer. */
  void restoreTimer(boolean eventTime, Object key, Object namespace, long timestamp);
}
