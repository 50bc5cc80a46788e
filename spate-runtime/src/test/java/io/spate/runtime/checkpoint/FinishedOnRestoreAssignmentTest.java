package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.sink.lib.DiscardingSink;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.graph.StreamNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which subtasks restore as finished from a checkpoint taken after some of them finished: those whose
 * every known operator had finished; a fully finished operator at any parallelism, a partly finished
 * one only at its old parallelism.
 */
class FinishedOnRestoreAssignmentTest {

  /** A one-vertex job (source chained to sink) at {@code parallelism}. */
  private static JobGraph job(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.fromSequence(1, 10).uid("numbers").sinkTo(new DiscardingSink<>()).uid("out");
    return JobGraphGenerator.generate(env.getStreamGraph("finished"));
  }

  private static CheckpointMetadata finishedOn(JobGraph job, int oldParallelism, Set<Integer> finished) {
    Map<String, OperatorState> operators = new LinkedHashMap<>();
    for (StreamNode node : job.vertices().get(0).getChain()) {
      operators.put(node.getOperatorId(), new OperatorState(node.getOperatorId(), node.getName(), oldParallelism,
          node.getMaxParallelism(), Map.of(), null, finished));
    }
    return new CheckpointMetadata(9, 0, CheckpointType.CHECKPOINT, operators);
  }

  private static TaskRestore[] restores(JobGraph job, CheckpointMetadata metadata) {
    JobVertex vertex = job.vertices().get(0);
    return StateAssignment.assign(job, metadata, false, "checkpoint 9").get(vertex.getId());
  }

  @Test
  void thePartlyFinishedSubtasksRestoreAsFinishedAtTheSameParallelism() {
    JobGraph job = job(3);
    TaskRestore[] restores = restores(job, finishedOn(job, 3, Set.of(1)));

    assertThat(restores).extracting(TaskRestore::finished).containsExactly(false, true, false);
  }

  @Test
  void aFullyFinishedOperatorRestoresAsFinishedAtAnyParallelism() {
    JobGraph job = job(4);
    TaskRestore[] restores = restores(job, finishedOn(job, 2, Set.of(0, 1)));

    assertThat(restores).extracting(TaskRestore::finished).containsOnly(true).hasSize(4);
  }

  @Test
  void aPartlyFinishedOperatorRefusesAnotherParallelismNamingItsFinishedSubtasks() {
    JobGraph job = job(3);
    CheckpointMetadata metadata = finishedOn(job, 2, Set.of(1));

    assertThatThrownBy(() -> restores(job, metadata))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("checkpoint 9").hasMessageContaining("at parallelism 3")
        .hasMessageContaining("subtasks [1]").hasMessageContaining("(2)");
  }

  @Test
  void nothingRestoresAsFinishedFromACheckpointWithoutFinishedSubtasks() {
    JobGraph job = job(2);
    TaskRestore[] restores = restores(job, finishedOn(job, 2, Set.of()));

    assertThat(restores).extracting(TaskRestore::finished).containsOnly(false);
  }
}
