package io.spate.runtime.dispatcher;

import io.spate.api.common.JobID;
import io.spate.api.common.JobStatus;
import java.time.Duration;

/**
 * What the Dispatcher knows of a running or recently ended job, for listings.
 *
 * @param jobId the job's id
 * @param jobName the job's name
 * @param status the job's status
 * @param submittedAt when the job was submitted (epoch ms)
 * @param recordsProcessed records emitted by its sources so far
 * @param elapsed how long it has been running (or ran)
 */
public record JobOverview(
    JobID jobId, String jobName, JobStatus status, long submittedAt, long recordsProcessed, Duration elapsed)
    implements java.io.Serializable {

  /** The name and submission time of a job, kept while the Dispatcher remembers it. */
  record Submission(String jobName, long submittedAt) {}
}
