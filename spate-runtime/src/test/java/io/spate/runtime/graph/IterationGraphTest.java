package io.spate.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.IterativeStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.Types;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an iteration becomes vertices: a head and a tail that meet by co-location, and no cycle. */
class IterationGraphTest {

  private static JobVertex vertexRunning(JobGraph graph, String prefix) {
    return graph.vertices().stream()
        .filter(v -> v.getChain().stream().anyMatch(n -> n.getName().startsWith(prefix)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vertex runs " + prefix + "* in " + graph.vertices()));
  }

  @Test
  void headAndTailShareCoLocationGroupSlotSharingGroupAndParallelismAndTheGraphHasNoCycle() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    IterativeStream<Long> iteration = env.fromSequence(1, 10).name("src").iterate(100);
    DataStream<Long> body = iteration.keyBy(v -> v % 2, Types.LONG).map(v -> v - 1).name("body")
        .slotSharingGroup("body-group");
    iteration.closeWith(body.filter(v -> v > 0));
    body.filter(v -> v == 0).discard();

    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("loop"));
    JobVertex head = vertexRunning(graph, "IterationSource-");
    JobVertex tail = vertexRunning(graph, "IterationSink-");
    assertThat(head).isNotSameAs(tail); // the keyBy separates them
    assertThat(head.getHead().getName()).startsWith("IterationSource-");
    assertThat(head.getCoLocationGroups()).hasSize(1).isEqualTo(tail.getCoLocationGroups());
    assertThat(tail.getSlotSharingGroup()).isEqualTo(head.getSlotSharingGroup());
    assertThat(tail.getParallelism()).isEqualTo(head.getParallelism()).isEqualTo(3);
    assertThat(vertexRunning(graph, "src").getCoLocationGroups()).isEmpty();
    assertThat(topologicallySortable(graph.vertices())).isTrue();
  }

  @Test
  void aConnectedIterationsHeadHasNoInput() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    IterativeStream.ConnectedIterativeStreams<Long, String> loop =
        env.fromSequence(1, 10).iterate(100).withFeedbackType(Types.STRING);
    DataStream<String> out = loop.map(new io.spate.api.functions.CoMapFunction<Long, String, String>() {
      @Override
      public String map1(Long value) {
        return value + "";
      }

      @Override
      public String map2(String value) {
        return value;
      }
    });
    loop.closeWith(out.filter(s -> !s.isEmpty()));
    out.discard();

    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("connected loop"));
    JobVertex head = vertexRunning(graph, "IterationSource-");
    assertThat(head.getInputs()).isEmpty();
    assertThat(head.getCoLocationGroups()).isEqualTo(vertexRunning(graph, "IterationSink-").getCoLocationGroups());
    assertThat(topologicallySortable(graph.vertices())).isTrue();
  }

  @Test
  void aFeedbackWhoseParallelismChangedAfterCloseWithIsRejectedNamingBoth() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    IterativeStream<Long> iteration = env.fromSequence(1, 10).iterate(100);
    DataStream<Long> body = iteration.map(v -> v - 1).name("minus one");
    iteration.closeWith(body);
    iteration.setParallelism(4);
    body.discard();

    assertThatThrownBy(() -> JobGraphGenerator.generate(env.getStreamGraph("bad loop")))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'minus one'")
        .hasMessageContaining("parallelism 2")
        .hasMessageContaining("parallelism 4");
  }

  private static boolean topologicallySortable(List<JobVertex> vertices) {
    Map<Integer, Integer> inDegree = new HashMap<>();
    vertices.forEach(v -> inDegree.put(v.getId(), v.getInputs().size()));
    Deque<JobVertex> ready = new ArrayDeque<>();
    vertices.stream().filter(v -> v.getInputs().isEmpty()).forEach(ready::add);
    int visited = 0;
    while (!ready.isEmpty()) {
      JobVertex v = ready.poll();
      visited++;
      for (JobEdge out : v.getOutputs()) {
        if (inDegree.merge(out.target().getId(), -1, Integer::sum) == 0) {
          ready.add(out.target());
        }
      }
    }
    return visited == vertices.size();
  }
}
