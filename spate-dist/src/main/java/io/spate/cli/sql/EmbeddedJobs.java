package io.spate.cli.sql;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import io.spate.table.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The jobs of a session on the embedded cluster: each job runs in this process (on a local cluster
 * of its own), and the session keeps a handle on every job it started.
 */
final class EmbeddedJobs implements SessionJobs {

  private static final long STATUS_TIMEOUT_SECONDS = 5;

  private record Started(JobClient client, String name, Instant startTime) {}

  private final List<Started> jobs = new ArrayList<>();

  @Override
  public String submitInsert(TableEnvironment session, List<String> setup, String insert) {
    TableResult result = session.executeSql(insert);
    JobClient job = result.getJobClient().orElseThrow(
        () -> new ValidationException("The statement started no job: " + insert));
    track(job, "insert-into");
    return job.getJobID().toString();
  }

  @Override
  public TableResult submitQuery(TableEnvironment session, List<String> setup, String query) {
    return session.executeSql(query);
  }

  @Override
  public synchronized void queryStarted(JobClient job) {
    track(job, "collect");
  }

  private synchronized void track(JobClient job, String fallbackName) {
    String name = job instanceof ClusterJobClient cluster && cluster.jobName() != null ? cluster.jobName()
        : fallbackName;
    jobs.add(new Started(job, name, Instant.now()));
  }

  @Override
  public synchronized List<JobSummary> list() {
    List<JobSummary> summaries = new ArrayList<>();
    for (Started job : jobs) {
      summaries.add(new JobSummary(job.client().getJobID().toString(), job.name(), status(job.client()).name(),
          job.startTime()));
    }
    return summaries;
  }

  @Override
  public String stop(String jobId, boolean withSavepoint, boolean drain) throws Exception {
    JobClient job = find(jobId);
    if (status(job).isTerminalState()) {
      throw new ValidationException("Job " + jobId + " has already ended (" + status(job) + ")");
    }
    if (withSavepoint) {
      return job.stopWithSavepoint(drain, null).get();
    }
    job.cancel().get();
    return null;
  }

  private synchronized JobClient find(String jobId) {
    String wanted = jobId.strip().toLowerCase(Locale.ROOT);
    for (Started job : jobs) {
      if (job.client().getJobID().toString().equals(wanted)) {
        return job.client();
      }
    }
    throw new ValidationException("This session has no job " + jobId + ": SHOW JOBS lists its jobs");
  }

  private static JobStatus status(JobClient job) {
    try {
      return job.getJobStatus().get(STATUS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JobStatus.RUNNING;
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      // The job's cluster stops when the job ends: a finished job no longer answers.
      return job.getJobExecutionResult().isCompletedExceptionally() ? JobStatus.FAILED
          : job.getJobExecutionResult().isDone() ? JobStatus.FINISHED : JobStatus.RUNNING;
    }
  }

  @Override
  public synchronized void close() {
    for (Started job : jobs) {
      if (!job.client().getJobExecutionResult().isDone()) {
        job.client().cancel();
      }
    }
  }
}
