package io.spate.runtime.tasks;

import io.spate.api.common.JobID;
import java.io.Serializable;

/**
 * Identifies one attempt to run one subtask of one task of a job.
 *
 * @param jobId the job
 * @param vertexId the task (job vertex)
 * @param subtaskIndex the subtask
 * @param attemptNumber 0 for the first attempt
 */
public record ExecutionAttemptID(JobID jobId, int vertexId, int subtaskIndex, int attemptNumber)
    implements Serializable {

  @Override
  public String toString() {
    return jobId + "/" + vertexId + "/" + subtaskIndex + "#" + attemptNumber;
  }
}
