package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.IterativeStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.resourcemanager.SlotOffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The scheduler's check that an iteration's head and tail subtasks share a TaskExecutor. */
class CoLocationTest {

  private static JobGraph loop() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate(100);
    DataStream<Long> body = iteration.keyBy(v -> v, Types.LONG).map(v -> v - 1);
    iteration.closeWith(body.filter(v -> v > 0));
    body.discard();
    return JobGraphGenerator.generate(env.getStreamGraph("loop"));
  }

  /** Every subtask of {@code graph}, in the slot {@code place} picks (vertex, subtask). */
  private static Map<Execution, SlotOffer> placed(JobGraph graph, BiFunction<JobVertex, Integer, String> place) {
    Map<Execution, SlotOffer> slots = new LinkedHashMap<>();
    for (JobVertex vertex : graph.vertices()) {
      for (int subtask = 0; subtask < vertex.getParallelism(); subtask++) {
        Execution execution = new Execution(
            new ExecutionAttemptID(graph.jobId(), vertex.getId(), subtask, 0), vertex);
        slots.put(execution, new SlotOffer(place.apply(vertex, subtask), subtask, null));
      }
    }
    return slots;
  }

  @Test
  void headAndTailOfEachSubtaskOnOneTaskExecutorKeepTheGroup() {
    assertThat(CoLocation.violation(placed(loop(), (vertex, subtask) -> "te-" + subtask))).isNull();
  }

  @Test
  void aTailOnAnotherTaskExecutorThanItsHeadIsNamed() {
    String violation = CoLocation.violation(placed(loop(), (vertex, subtask) ->
        vertex.getName().contains("IterationSink-") && subtask == 1 ? "te-elsewhere" : "te-" + subtask));
    assertThat(violation)
        .contains("subtask 2")
        .contains("IterationSource-")
        .contains("IterationSink-")
        .contains("te-1")
        .contains("te-elsewhere");
  }

  @Test
  void verticesOutsideIterationsMayGoAnywhere() {
    assertThat(CoLocation.violation(placed(loop(), (vertex, subtask) ->
        vertex.getCoLocationGroups().isEmpty() ? "te-" + vertex.getId() : "te-0"))).isNull();
  }
}
