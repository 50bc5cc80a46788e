package io.spate.runtime.dispatcher;

import io.spate.api.common.JobID;
import io.spate.runtime.checkpoint.CompletedCheckpointStore;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.jobmaster.AttemptNumbers;
import java.io.IOException;

/**
 * Where the Dispatcher keeps the graphs of the jobs it accepted until they end for good, so that a
 * JobManager that takes over after this one can run them on. Without high availability nothing is kept.
 */
public interface SubmittedJobGraphs {

  /** Keeps nothing: the jobs of a JobManager end with it. */
  SubmittedJobGraphs NONE = new SubmittedJobGraphs() {
    @Override
    public void put(JobGraph graph) {}

    @Override
    public void remove(JobID jobId) {}
  };

  /**
   * Keeps {@code graph} before its job starts.
   *
   * @throws IOException if it cannot be kept; the job is then refused
   */
  void put(JobGraph graph) throws IOException;

  /**
   * Forgets the graph of a job that finished, failed or was cancelled.
   *
   * @throws IOException if it cannot be forgotten; a later leader would run the job again
   */
  void remove(JobID jobId) throws IOException;

  /**
   * Where the JobMaster of {@code jobId} records its completed checkpoints, so that a JobManager that
   * takes over resumes from the newest; they are forgotten with the graph.
   */
  default CompletedCheckpointStore completedCheckpoints(JobID jobId) {
    return CompletedCheckpointStore.NONE;
  }

  /**
   * The attempt numbers of {@code jobId}'s JobMaster: above every number an earlier JobMaster of the
   * job used, when a JobManager may take the job over.
   */
  default AttemptNumbers attemptNumbers(JobID jobId) {
    return AttemptNumbers.fromZero();
  }
}
