package io.spate.runtime.dispatcher;

import io.spate.runtime.jobmaster.JobDetails;
import io.spate.api.common.JobID;
import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.jobmaster.ExceptionHistoryEntry;
import io.spate.runtime.jobmaster.JobMaster;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.metrics.LocalHost;
import io.spate.runtime.metrics.MetricRegistry;
import io.spate.runtime.metrics.groups.JobManagerMetricGroup;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Accepts jobs, starts a JobMaster per job, and keeps the results of ended jobs. */
public final class Dispatcher extends RpcEndpoint implements DispatcherGateway {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dispatcher.class);

  private static final int MAX_REMEMBERED_RESULTS = 100;

  private final String resourceManagerAddress;
  private final Consumer<JobResult> onJobEnded;
  private final SubmittedJobGraphs submittedJobGraphs;
  private final JobManagerMetricGroup metrics;
  private final Map<JobID, JobMaster> running = new HashMap<>();
  private final Map<JobID, CompletableFuture<JobResult>> results = new LinkedHashMap<>();
  private final Map<JobID, JobOverview.Submission> submissions = new HashMap<>();
  // The last details of ended jobs, kept as long as their results; plain data, no job code.
  private final Map<JobID, CompletableFuture<JobDetails>> endedDetails = new HashMap<>();
  private final Map<JobID, CompletableFuture<io.spate.runtime.checkpoint.CheckpointStatsSnapshot>> endedCheckpointStats =
      new HashMap<>();
  private final Map<JobID, CompletableFuture<io.spate.runtime.jobmaster.JobAccumulators>> endedAccumulators =
      new HashMap<>();
  private final Map<JobID, CompletableFuture<io.spate.runtime.jobmaster.JobConfigInfo>> endedConfigs = new HashMap<>();
  private int jobMasterCounter;
  private volatile boolean closing;

  /** Creates the Dispatcher; {@code onJobEnded} is told of every job that ends. */
  public Dispatcher(RpcService rpcService, String address, String resourceManagerAddress,
      Consumer<JobResult> onJobEnded) {
    this(rpcService, address, resourceManagerAddress, onJobEnded, SubmittedJobGraphs.NONE);
  }

  /**
   * Creates the Dispatcher, keeping the graph of every accepted job in {@code submittedJobGraphs} until
   * the job finishes, fails or is cancelled.
   */
  public Dispatcher(RpcService rpcService, String address, String resourceManagerAddress,
      Consumer<JobResult> onJobEnded, SubmittedJobGraphs submittedJobGraphs) {
    this(rpcService, address, resourceManagerAddress, onJobEnded, submittedJobGraphs,
        new JobManagerMetricGroup(MetricRegistry.withoutReporters(), LocalHost.name()));
  }

  /**
   * Like {@link #Dispatcher(RpcService, String, String, Consumer, SubmittedJobGraphs)}, registering each
   * job's JobManager-side metrics in a group below {@code metrics}, closed when the job ends.
   */
  public Dispatcher(RpcService rpcService, String address, String resourceManagerAddress,
      Consumer<JobResult> onJobEnded, SubmittedJobGraphs submittedJobGraphs, JobManagerMetricGroup metrics) {
    super(rpcService, address);
    this.resourceManagerAddress = resourceManagerAddress;
    this.onJobEnded = onJobEnded;
    this.submittedJobGraphs = submittedJobGraphs;
    this.metrics = metrics;
  }

  @Override
  public CompletableFuture<Void> submitJob(JobGraph jobGraph) {
    return callAsync(() -> {
      JobID jobId = jobGraph.jobId();
      if (results.containsKey(jobId)) {
        throw new IllegalArgumentException("A job with id " + jobId + " was already submitted.");
      }
      try {
        submittedJobGraphs.put(jobGraph);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Job '" + jobGraph.jobName() + "' (" + jobId + ") was not accepted: its"
            + " graph cannot be kept for a JobManager that takes over: " + e.getMessage(), e);
      }
      CompletableFuture<JobResult> result = new CompletableFuture<>();
      results.put(jobId, result);
      submissions.put(jobId, new JobOverview.Submission(jobGraph.jobName(), System.currentTimeMillis()));
      forgetOldResults();
      JobMaster jobMaster = new JobMaster(rpcService, "jobmaster-" + (jobMasterCounter++) + "-" + jobId, jobGraph,
          resourceManagerAddress, r -> runAsync(() -> jobEnded(r)), submittedJobGraphs.completedCheckpoints(jobId),
          submittedJobGraphs.attemptNumbers(jobId));
      running.put(jobId, jobMaster);
      jobMaster.reportMetricsTo(metrics.addJob(jobId, jobGraph.jobName()));
      jobMaster.start();
      return null;
    });
  }

  private void jobEnded(JobResult result) {
    JobMaster jobMaster = running.remove(result.jobId());
    metrics.removeJob(result.jobId());
    if (!closing) {
      // When this JobManager stops, its jobs are cancelled here but not for good: a standby runs them on.
      try {
        submittedJobGraphs.remove(result.jobId());
      } catch (java.io.IOException e) {
        LOG.warn("Job {} ended {}, but its graph could not be forgotten; a JobManager that takes over will run it"
            + " again: {}", result.jobId(), result.status(), e.getMessage());
      }
    }
    try {
      onJobEnded.accept(result);
    } finally {
      CompletableFuture<JobResult> future = results.get(result.jobId());
      if (future != null) {
        future.complete(result);
      }
      if (jobMaster != null) {
        // Asked before close(), which still answers the calls already queued.
        endedDetails.put(result.jobId(), jobMaster.requestJobDetails());
        endedCheckpointStats.put(result.jobId(), jobMaster.requestCheckpointStatsSnapshot());
        endedAccumulators.put(result.jobId(), jobMaster.requestAccumulators());
        endedConfigs.put(result.jobId(), jobMaster.requestJobConfig());
        // Close off the JobMaster's own thread: close() waits for that thread to end.
        Thread closer = new Thread(jobMaster::close, "spate-jobmaster-close");
        closer.setDaemon(true);
        closer.start();
      }
    }
  }

  private void forgetOldResults() {
    var it = results.entrySet().iterator();
    while (results.size() > MAX_REMEMBERED_RESULTS && it.hasNext()) {
      var entry = it.next();
      if (entry.getValue().isDone()) {
        it.remove();
        submissions.remove(entry.getKey());
        endedDetails.remove(entry.getKey());
        endedCheckpointStats.remove(entry.getKey());
        endedAccumulators.remove(entry.getKey());
        endedConfigs.remove(entry.getKey());
      }
    }
  }

  @Override
  public CompletableFuture<JobStatus> requestJobStatus(JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster != null) {
        return jobMaster.requestJobStatus();
      }
      CompletableFuture<JobResult> result = results.get(jobId);
      if (result == null) {
        throw new UnknownJobException(jobId);
      }
      return result.thenApply(JobResult::status);
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
    return callAsync(() -> {
      CompletableFuture<JobResult> result = results.get(jobId);
      if (result == null) {
        throw new UnknownJobException(jobId);
      }
      return result;
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<JobProgress> requestJobProgress(JobID jobId) {
    return callAsync(() -> progressOf(jobId)).thenCompose(f -> f);
  }

  private CompletableFuture<JobProgress> progressOf(JobID jobId) {
    JobMaster jobMaster = running.get(jobId);
    if (jobMaster != null) {
      return jobMaster.requestProgress();
    }
    CompletableFuture<JobResult> result = results.get(jobId);
    if (result == null) {
      throw new UnknownJobException(jobId);
    }
    return result.thenApply(r -> new JobProgress(r.status(),
        r.counters().getOrDefault(io.spate.runtime.execution.TaskExecutionState.SOURCE_RECORDS_OUT, 0L),
        r.netRuntime()));
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean stop, boolean drain) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster == null) {
        if (!results.containsKey(jobId)) {
          throw new UnknownJobException(jobId);
        }
        throw new IllegalStateException("Job " + jobId + " has ended; only a running job can take a savepoint");
      }
      return jobMaster.triggerSavepoint(targetDirectory, stop, drain);
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<List<CheckpointStatistics>> requestCheckpointStatistics(JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster == null) {
        CompletableFuture<JobResult> result = results.get(jobId);
        if (result == null) {
          throw new UnknownJobException(jobId);
        }
        return result.thenApply(JobResult::checkpoints);
      }
      return jobMaster.requestCheckpointStatistics();
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<io.spate.runtime.checkpoint.CheckpointStatsSnapshot> requestCheckpointStatsSnapshot(
      JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster != null) {
        return jobMaster.requestCheckpointStatsSnapshot();
      }
      CompletableFuture<io.spate.runtime.checkpoint.CheckpointStatsSnapshot> ended = endedCheckpointStats.get(jobId);
      if (ended == null) {
        throw new UnknownJobException(jobId);
      }
      return ended;
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<io.spate.runtime.jobmaster.JobConfigInfo> requestJobConfig(JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster != null) {
        return jobMaster.requestJobConfig();
      }
      CompletableFuture<io.spate.runtime.jobmaster.JobConfigInfo> ended = endedConfigs.get(jobId);
      if (ended == null) {
        throw new UnknownJobException(jobId);
      }
      return ended;
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<io.spate.runtime.jobmaster.JobAccumulators> requestAccumulators(JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster != null) {
        return jobMaster.requestAccumulators();
      }
      CompletableFuture<io.spate.runtime.jobmaster.JobAccumulators> ended = endedAccumulators.get(jobId);
      if (ended == null) {
        throw new UnknownJobException(jobId);
      }
      return ended;
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<RestoredCheckpoint> requestLatestRestore(JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster != null) {
        return jobMaster.requestLatestRestore();
      }
      CompletableFuture<JobResult> result = results.get(jobId);
      if (result == null) {
        throw new UnknownJobException(jobId);
      }
      return result.thenApply(JobResult::latestRestore);
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<List<ExceptionHistoryEntry>> requestExceptionHistory(JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster != null) {
        return jobMaster.requestExceptionHistory();
      }
      CompletableFuture<JobResult> result = results.get(jobId);
      if (result == null) {
        throw new UnknownJobException(jobId);
      }
      return result.thenApply(JobResult::exceptions);
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<Void> cancelJob(JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster != null) {
        return jobMaster.cancel();
      }
      if (!results.containsKey(jobId)) {
        throw new UnknownJobException(jobId);
      }
      return CompletableFuture.<Void>completedFuture(null);
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<JobDetails> requestJobDetails(JobID jobId) {
    return callAsync(() -> {
      JobMaster jobMaster = running.get(jobId);
      if (jobMaster != null) {
        return jobMaster.requestJobDetails();
      }
      CompletableFuture<JobDetails> ended = endedDetails.get(jobId);
      if (ended == null) {
        throw new UnknownJobException(jobId);
      }
      return ended;
    }).thenCompose(f -> f);
  }

  @Override
  public CompletableFuture<List<JobOverview>> requestJobOverviews() {
    return callAsync(() -> {
      List<CompletableFuture<JobOverview>> overviews = new ArrayList<>();
      for (JobID jobId : results.keySet()) {
        JobOverview.Submission submission = submissions.get(jobId);
        overviews.add(progressOf(jobId).thenApply(progress -> new JobOverview(jobId, submission.jobName(),
            progress.status(), submission.submittedAt(), progress.recordsProcessed(), progress.elapsed())));
      }
      return CompletableFuture.allOf(overviews.toArray(CompletableFuture[]::new))
          .thenApply(done -> overviews.stream().map(CompletableFuture::join).toList());
    }).thenCompose(f -> f);
  }

  /** Cancels every running job and waits for them to end, then stops. */
  @Override
  public void close() {
    closing = true;
    List<CompletableFuture<JobResult>> pending = new ArrayList<>();
    callAsync(() -> {
      for (Map.Entry<JobID, JobMaster> e : running.entrySet()) {
        e.getValue().cancel();
        pending.add(results.get(e.getKey()));
      }
      return null;
    }).join();
    for (CompletableFuture<JobResult> p : pending) {
      try {
        p.get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // A job that does not end in time is abandoned; its threads stop with the cluster.
      }
    }
    super.close();
  }
}
