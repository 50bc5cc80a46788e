package io.spate.api.common;

import io.spate.api.annotation.Public;

/** Thrown when a job fails or is cancelled; the message names the job, and the cause is the root. */
@Public
public class JobExecutionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final JobID jobId;

  /** Creates the exception for {@code jobId}. */
  public JobExecutionException(JobID jobId, String message, Throwable cause) {
    super(message, cause);
    this.jobId = jobId;
  }

  /** The job that failed. */
  public JobID getJobID() {
    return jobId;
  }
}
