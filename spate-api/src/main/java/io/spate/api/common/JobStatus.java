package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;

/** The life-cycle state of a job. */
@PublicEvolving
public enum JobStatus {
  /** Accepted, not yet deployed. */
  CREATED(false),
  /** Tasks are deployed and running. */
  RUNNING(false),
  /** Cancellation was requested; tasks are stopping. */
  CANCELLING(false),
  /** A task failed and the restart strategy allows a restart: the job restarts from its latest checkpoint. */
  RESTARTING(false),
  /** A task failed; the job is stopping its other tasks. */
  FAILING(false),
  /** Every task ended its input and finished. */
  FINISHED(true),
  /** The job failed; the cause is in its result. */
  FAILED(true),
  /** The job was cancelled. */
  CANCELED(true);

  private final boolean terminal;

  JobStatus(boolean terminal) {
    this.terminal = terminal;
  }

  /** Whether the job has ended and will not change state again. */
  public boolean isTerminal() {
    return terminal;
  }

  /** Flink's name for {@link #isTerminal()}: the job ended everywhere (Spate has no locally terminal state). */
  public boolean isGloballyTerminalState() {
    return terminal;
  }

  /** Flink's name for {@link #isTerminal()}. */
  public boolean isTerminalState() {
    return terminal;
  }
}
