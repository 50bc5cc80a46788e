package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.jobmaster.failover.PipelinedRegions;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.execution.ExecutionState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionGraphTest {

  private static JobGraph twoPipelines() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(0, 10).rebalance().map(x -> x + 1).discard();
    env.fromSequence(0, 10).rebalance().map(x -> x * 2).discard();
    return JobGraphGenerator.generate(env.getStreamGraph("two pipelines"));
  }

  @Test
  void replacingARegionGivesItNewAttemptsAndForgetsTheOldOnes() {
    JobGraph job = twoPipelines();
    ExecutionGraph graph = new ExecutionGraph(job, 0);
    PipelinedRegions regions = PipelinedRegions.of(job);
    Set<Integer> first = regions.region(0);
    List<Execution> before = graph.executionsOf(first);
    List<Execution> untouched = graph.executionsOf(regions.region(1));
    before.forEach(execution -> execution.state = ExecutionState.CANCELED);

    List<Execution> fresh = graph.replace(first, 3);

    assertThat(fresh).hasSameSizeAs(before).allSatisfy(execution -> {
      assertThat(execution.attemptId.attemptNumber()).isEqualTo(3);
      assertThat(execution.state).isEqualTo(ExecutionState.DEPLOYING);
      assertThat(graph.execution(execution.attemptId)).isSameAs(execution);
    });
    assertThat(before).allSatisfy(old -> assertThat(graph.execution(old.attemptId)).isNull());
    assertThat(untouched).allSatisfy(same -> assertThat(graph.execution(same.attemptId)).isSameAs(same));
    assertThat(graph.executions()).hasSize(before.size() + untouched.size())
        .containsAll(fresh).containsAll(untouched);
    assertThat(graph.allTerminal()).isFalse();
    for (Execution execution : fresh) {
      assertThat(graph.subtask(execution.vertex.getId(), execution.attemptId.subtaskIndex())).isSameAs(execution);
    }
  }

  @Test
  void executionsStayInVertexOrderAfterAReplacement() {
    JobGraph job = twoPipelines();
    ExecutionGraph graph = new ExecutionGraph(job, 0);
    graph.replace(PipelinedRegions.of(job).region(0), 1);

    assertThat(graph.executions()).extracting(execution -> execution.vertex.getId())
        .containsExactlyElementsOf(job.vertices().stream()
            .flatMap(v -> java.util.Collections.nCopies(v.getParallelism(), v.getId()).stream()).toList());
  }

  @Test
  void anAttemptNumberThatIsNotNewIsRefused() {
    JobGraph job = twoPipelines();
    ExecutionGraph graph = new ExecutionGraph(job, 2);
    JobVertex vertex = job.vertices().get(0);

    assertThatThrownBy(() -> graph.replace(Set.of(vertex.getId()), 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not new");
    assertThat(graph.execution(new ExecutionAttemptID(job.jobId(), vertex.getId(), 0, 2))).isNotNull();
  }
}
