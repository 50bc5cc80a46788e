package io.spate.runtime.execution;

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

  // Written out for the reason JobID's are: generated ones bootstrap method handles when a job is deployed.
  @Override
  public boolean equals(Object o) {
    return o instanceof ExecutionAttemptID other && jobId.equals(other.jobId) && vertexId == other.vertexId
        && subtaskIndex == other.subtaskIndex && attemptNumber == other.attemptNumber;
  }

  @Override
  public int hashCode() {
    return ((jobId.hashCode() * 31 + vertexId) * 31 + subtaskIndex) * 31 + attemptNumber;
  }

  @Override
  public String toString() {
    return jobId + "/" + vertexId + "/" + subtaskIndex + "#" + attemptNumber;
  }
}
