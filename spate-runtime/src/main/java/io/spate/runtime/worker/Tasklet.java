package io.spate.runtime.worker;

/** A unit of cooperative work: a worker thread calls {@link #step()} repeatedly, never in parallel. */
public interface Tasklet {

  /** What one step achieved. */
  enum StepResult {
    /** Work was done; call again soon. */
    PROGRESS,
    /** Nothing to do now (no input, or output full). */
    IDLE,
    /** The tasklet has ended; do not call again. */
    DONE
  }

  /** Does a bounded amount of work without blocking. */
  StepResult step();

  /**
   * Called once, before the first step, with what wakes this tasklet's worker: a tasklet that goes
   * idle waiting for something another thread does has that thread run it.
   */
  default void attach(Waker waker) {}

  /** A name for thread dumps and logs. */
  String name();
}
