package io.spate.runtime.jobmaster;

import io.spate.api.common.JobStatus;

/**
 * The job's state machine (CREATED, RUNNING, RESTARTING, FAILING, CANCELLING, then a terminal state) as
 * the JobMaster's parts see it: they read the status and ask for the transitions their decisions make;
 * the JobMaster alone changes it. Main thread only.
 */
interface JobLifecycle {

  /** The job's status. */
  JobStatus status();

  /** The whole job restarts: RUNNING becomes RESTARTING until its subtasks stopped and it is deployed again. */
  void restarting();

  /** A job that restarted as a whole is deployed again: RESTARTING becomes RUNNING. */
  void runningAgain();

  /** The job stops once its subtasks are cancelled (after a savepoint): RUNNING becomes CANCELLING. */
  void stopByCancelling();

  /** Fails the job for {@code cause}, unless it has ended or is failing already. */
  void failJob(Throwable cause);

  /** Moves the job on once its subtasks have stopped: restarts it or ends it, as its status says. */
  void checkTerminal();
}
