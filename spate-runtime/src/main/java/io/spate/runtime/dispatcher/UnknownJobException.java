package io.spate.runtime.dispatcher;

import io.spate.api.common.JobID;

/** A request named a job that the Dispatcher does not know. */
public class UnknownJobException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code jobId}. */
  public UnknownJobException(JobID jobId) {
    super("No job with id " + jobId + " is known to this cluster.");
  }
}
