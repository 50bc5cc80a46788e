package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.api.common.JobProgress;
import io.spate.api.common.JobStatus;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.execution.ExecutionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobViewTest {

  /** State as the JobMaster's parts would leave it; the view only reads it. */
  private static final class State implements JobView.JobState {
    JobStatus status = JobStatus.CREATED;
    ExecutionGraph graph;
    long finishedSourceRecords;
    Duration runtime = Duration.ZERO;
    List<ExceptionHistoryEntry> history = List.of();

    @Override
    public JobStatus status() {
      return status;
    }

    @Override
    public ExecutionGraph executionGraph() {
      return graph;
    }

    @Override
    public long finishedSourceRecords() {
      return finishedSourceRecords;
    }

    @Override
    public Duration runtime() {
      return runtime;
    }

    @Override
    public List<ExceptionHistoryEntry> exceptionHistory() {
      return history;
    }

    @Override
    public List<CheckpointStatistics> checkpointStatistics() {
      return List.of();
    }

    @Override
    public RestoredCheckpoint latestRestore() {
      return null;
    }
  }

  private static JobGraph pipeline() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(0, 10).rebalance().map(x -> x + 1).discard();
    return JobGraphGenerator.generate(env.getStreamGraph("pipeline"));
  }

  @Test
  void beforeTheJobIsScheduledEveryTaskIsShownDeployingWithNoSubtasks() {
    JobGraph job = pipeline();
    State state = new State();

    JobDetails details = new JobView(job, state).details();

    assertThat(details.status()).isEqualTo(JobStatus.CREATED);
    assertThat(details.vertices()).hasSize(job.vertices().size()).allSatisfy(vertex -> {
      assertThat(vertex.status()).isEqualTo(ExecutionState.DEPLOYING);
      assertThat(vertex.subtasks()).isEmpty();
    });
    assertThat(details.edges()).hasSize(1);
  }

  @Test
  void eachTaskIsDescribedByItsOperatorsDescriptionsOrNames() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(0, 10).name("numbers").rebalance().map(x -> x + 1).name("plus one")
        .setDescription("adds one to every number").discard().name("drop");
    JobGraph job = JobGraphGenerator.generate(env.getStreamGraph("described"));

    JobDetails details = new JobView(job, new State()).details();

    assertThat(details.vertices()).extracting(JobDetails.Vertex::description)
        .containsExactly("numbers", "adds one to every number -> drop");
  }

  @Test
  void detailsCountTheCurrentSubtasksOfEachTaskByState() {
    JobGraph job = pipeline();
    State state = new State();
    state.status = JobStatus.RUNNING;
    state.graph = new ExecutionGraph(job, 0);
    JobVertex source = job.vertices().get(0);
    JobVertex sink = job.vertices().get(1);
    state.graph.subtask(source.getId(), 0).state = ExecutionState.RUNNING;
    state.graph.subtask(source.getId(), 1).state = ExecutionState.FAILED;
    state.graph.subtask(sink.getId(), 0).state = ExecutionState.FINISHED;
    state.graph.subtask(sink.getId(), 1).state = ExecutionState.FINISHED;
    JobView view = new JobView(job, state);

    JobDetails details = view.details();

    assertThat(details.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(details.vertices().get(0).status()).isEqualTo(ExecutionState.FAILED);
    assertThat(details.vertices().get(0).subtasks())
        .isEqualTo(Map.of(ExecutionState.RUNNING, 1, ExecutionState.FAILED, 1));
    assertThat(details.vertices().get(1).status()).isEqualTo(ExecutionState.FINISHED);
    assertThat(details.vertices().get(1).subtasks()).isEqualTo(Map.of(ExecutionState.FINISHED, 2));

    // A restart replaces the graph: the view answers from the one current at the query.
    state.status = JobStatus.RESTARTING;
    state.graph = new ExecutionGraph(job, 1);
    assertThat(view.details().vertices()).allSatisfy(vertex ->
        assertThat(vertex.subtasks()).isEqualTo(Map.of(ExecutionState.DEPLOYING, 2)));
    assertThat(view.details().status()).isEqualTo(JobStatus.RESTARTING);
  }

  @Test
  void progressWithoutRunningSubtasksCountsTheRecordsOfThoseThatEnded() {
    JobGraph job = pipeline();
    State state = new State();
    state.status = JobStatus.RUNNING;
    state.graph = new ExecutionGraph(job, 0); // none deployed to a TaskExecutor yet
    state.finishedSourceRecords = 42;
    state.runtime = Duration.ofSeconds(3);

    JobProgress progress = new JobView(job, state).progress().join();

    assertThat(progress).isEqualTo(new JobProgress(JobStatus.RUNNING, 42, Duration.ofSeconds(3)));
  }
}
