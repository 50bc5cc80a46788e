package io.spate.runtime.jobmaster.failover;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.runtime.graph.JobGraph;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for each failure of a job, whether it restarts and what: the failed subtasks' pipelined
 * regions, or the whole job, as the failover strategy and the restart strategy allow. It only decides
 * and counts the restarts; the JobMaster carries the decision out. Used on the JobMaster's main thread only.
 */
public final class ExecutionFailureHandler {

  private final RestartBackoffTimeStrategy restartStrategy;
  private final PipelinedRegions regions;
  private final boolean regionFailover;
  private int restarts;

  /**
   * A handler restarting by {@code restartStrategy}; by region where {@code failoverStrategy} says so, the
   * job runs in STREAMING {@code mode} and has more than one of {@code regions}.
   */
  public ExecutionFailureHandler(RestartBackoffTimeStrategy restartStrategy, PipelinedRegions regions,
      JobManagerOptions.FailoverStrategy failoverStrategy, RuntimeExecutionMode mode) {
    this.restartStrategy = restartStrategy;
    this.regions = regions;
    // A BATCH job restarts as a whole.
    this.regionFailover = failoverStrategy == JobManagerOptions.FailoverStrategy.REGION
        && mode == RuntimeExecutionMode.STREAMING && regions.size() > 1;
  }

  /** The handler of {@code job}, with the strategies its configuration names. */
  public static ExecutionFailureHandler of(JobGraph job) {
    RestartBackoffTimeStrategy restartStrategy = RestartBackoffTimeStrategyFactory.create(job.configuration());
    JobManagerOptions.FailoverStrategy failoverStrategy =
        job.configuration().get(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY);
    return new ExecutionFailureHandler(restartStrategy, PipelinedRegions.of(job), failoverStrategy, job.runtimeMode());
  }

  /**
   * Decides what the job does about {@code cause}, a failure of subtasks of the vertices {@code
   * failedVertexIds} (of the whole job if empty) while the regions {@code restartingRegions} are restarting
   * on their own. A failure only of restarting regions uses up no restart attempt.
   */
  public FailureHandlingResult handle(Throwable cause, Collection<Integer> failedVertexIds,
      Set<Integer> restartingRegions) {
    if (!failedVertexIds.isEmpty()
        && failedVertexIds.stream().allMatch(v -> restartingRegions.contains(regions.regionOf(v)))) {
      return new FailureHandlingResult(FailureHandlingResult.Action.PART_OF_RESTART, Set.of(), 0);
    }
    restartStrategy.notifyFailure(cause);
    if (!restartStrategy.canRestart()) {
      return new FailureHandlingResult(FailureHandlingResult.Action.FAIL_JOB, Set.of(), 0);
    }
    restarts++;
    Set<Integer> affected = new TreeSet<>();
    for (int vertexId : failedVertexIds) {
      int region = regions.regionOf(vertexId);
      if (!restartingRegions.contains(region)) {
        affected.add(region);
      }
    }
    if (!affected.isEmpty() && regionFailover && affected.size() < regions.size()) {
      return new FailureHandlingResult(FailureHandlingResult.Action.RESTART_REGIONS, affected, restarts);
    }
    return new FailureHandlingResult(FailureHandlingResult.Action.RESTART_JOB, Set.of(), restarts);
  }

  /** How long to wait before deploying what restarts, in milliseconds. */
  public long backoffMillis() {
    return restartStrategy.getBackoffTime();
  }

  /** How many times the job has restarted (whole or by region). */
  public int restarts() {
    return restarts;
  }

  /** The job's pipelined regions. */
  public PipelinedRegions regions() {
    return regions;
  }
}
