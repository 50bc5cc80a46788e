package io.spate.api.execution;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;

/** Is told when a job of an environment is submitted and when it ends. */
@PublicEvolving
public interface JobListener {

  /** The job was submitted ({@code client} non-null) or could not be ({@code error} non-null). */
  void onJobSubmitted(JobClient client, Throwable error);

  /** The job ended with {@code result}, or failed with {@code error}. */
  default void onJobExecuted(JobExecutionResult result, Throwable error) {}
}
