package io.spate.runtime.jobmaster;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.taskexecutor.gateway.TaskExecutorGateway;
import io.spate.runtime.execution.ExecutionState;
import io.spate.runtime.execution.TaskExecutionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Answers the REST queries about one job (details, progress, exception history, checkpoint statistics,
 * the latest restore) from state the JobMaster's other parts own, through {@link JobState}, which
 * offers no way to change it. Main thread only.
 */
final class JobView {

  /** What the view reads, as it is at the moment of the query. */
  interface JobState {

    /** The job's status. */
    JobStatus status();

    /** The current executions, or null before the job was first scheduled. */
    ExecutionGraph executionGraph();

    /** The records the sources of attempts that have ended emitted. */
    long finishedSourceRecords();

    /** How long the job has run, zero before it started. */
    Duration runtime();

    /** The job's latest failures, newest first. */
    List<ExceptionHistoryEntry> exceptionHistory();

    /** The statistics of the latest checkpoints, empty before the job was scheduled. */
    List<CheckpointStatistics> checkpointStatistics();

    /** What the job last restored from, or null. */
    RestoredCheckpoint latestRestore();
  }

  private final JobGraph job;
  private final JobState state;

  JobView(JobGraph job, JobState state) {
    this.job = job;
    this.state = state;
  }

  /** The job's graph with the states of its current subtasks. */
  JobDetails details() {
    Map<Integer, List<ExecutionState>> states = new HashMap<>();
    List<JobDetails.Subtask> subtasks = new ArrayList<>();
    ExecutionGraph graph = state.executionGraph();
    if (graph != null) {
      for (Execution execution : graph.executions()) {
        states.computeIfAbsent(execution.vertex.getId(), id -> new ArrayList<>()).add(execution.state);
        subtasks.add(new JobDetails.Subtask(execution.vertex.getId(), execution.attemptId.subtaskIndex(),
            execution.attemptId.attemptNumber(), execution.state, execution.taskExecutorAddress, execution.createdAt,
            execution.endedAt));
      }
    }
    return JobDetails.of(job, state.status(), vertex -> states.getOrDefault(vertex.getId(), List.of()), subtasks);
  }

  /**
   * How far the job got: the records its sources emitted, those of running subtasks as their
   * TaskExecutors count them once asked; fails before the job was first scheduled.
   */
  CompletableFuture<JobProgress> progress() {
    Set<TaskExecutorGateway> taskExecutors = new LinkedHashSet<>();
    for (Execution execution : state.executionGraph().executions()) {
      if (execution.taskExecutor != null && !execution.state.isTerminal()) {
        taskExecutors.add(execution.taskExecutor);
      }
    }
    List<CompletableFuture<Map<String, Long>>> counters = new ArrayList<>();
    for (TaskExecutorGateway te : taskExecutors) {
      counters.add(te.requestJobCounters(job.jobId()));
    }
    long base = state.finishedSourceRecords();
    JobStatus current = state.status();
    Duration elapsed = state.runtime();
    return CompletableFuture.allOf(counters.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
      long records = base;
      for (CompletableFuture<Map<String, Long>> c : counters) {
        records += c.join().getOrDefault(TaskExecutionState.SOURCE_RECORDS_OUT, 0L);
      }
      return new JobProgress(current, records, elapsed);
    });
  }

  /** The job's latest failures, newest first. */
  List<ExceptionHistoryEntry> exceptionHistory() {
    return state.exceptionHistory();
  }

  /** The statistics of the job's latest checkpoints. */
  List<CheckpointStatistics> checkpointStatistics() {
    return state.checkpointStatistics();
  }

  /** What the job last restored from, or null. */
  RestoredCheckpoint latestRestore() {
    return state.latestRestore();
  }
}
