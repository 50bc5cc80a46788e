package io.spate.runtime.network;

import io.spate.api.common.JobID;

/**
 * Names one channel between two subtasks, in one process or across the network: the edge
 * {@code edgeId} of a job's execution attempt, from subtask {@code producer} to subtask
 * {@code consumer}.
 *
 * @param jobId the job
 * @param attempt the job's execution attempt (each restart gets fresh channels)
 * @param edgeId the network edge of the job graph
 * @param producer the producing subtask
 * @param consumer the consuming subtask
 */
public record ChannelId(JobID jobId, int attempt, int edgeId, int producer, int consumer)
    implements java.io.Serializable {

  /** Validates the numbers; the job id must not be null. */
  public ChannelId {
    if (jobId == null) {
      throw new IllegalArgumentException("a channel id needs a job id");
    }
    if (attempt < 0 || edgeId < 0 || producer < 0 || consumer < 0) {
      throw new IllegalArgumentException("negative number in channel id: attempt " + attempt + ", edge "
          + edgeId + ", producer " + producer + ", consumer " + consumer);
    }
  }

  // Written out for the reason JobID's are: generated ones bootstrap method handles when a job is deployed.
  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelId other && jobId.equals(other.jobId) && attempt == other.attempt
        && edgeId == other.edgeId && producer == other.producer && consumer == other.consumer;
  }

  @Override
  public int hashCode() {
    return (((jobId.hashCode() * 31 + attempt) * 31 + edgeId) * 31 + producer) * 31 + consumer;
  }

  @Override
  public String toString() {
    return jobId + "/" + attempt + "/" + edgeId + "/" + producer + "->" + consumer;
  }
}
