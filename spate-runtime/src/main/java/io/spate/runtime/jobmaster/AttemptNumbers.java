package io.spate.runtime.jobmaster;

import java.io.IOException;

/**
 * Hands out the attempt numbers of one job's executions. A number names the channels and tasks of an
 * attempt on every TaskExecutor, so no number may come twice, not even from a JobManager that takes
 * the job over from one that died: tasks of the dead leader's attempts may still be winding down on
 * the TaskExecutors, with records in their channels, when the new leader deploys.
 */
public interface AttemptNumbers {

  /**
   * The next attempt number, larger than every one handed out before for the job.
   *
   * @throws IOException if the numbers cannot be reserved where the next leader would see them
   */
  int next() throws IOException;

  /** Numbers from 0 up, kept in memory: for a JobManager whose jobs end with it. */
  static AttemptNumbers fromZero() {
    return new AttemptNumbers() {
      private int next;

      @Override
      public int next() {
        return next++;
      }
    };
  }
}
