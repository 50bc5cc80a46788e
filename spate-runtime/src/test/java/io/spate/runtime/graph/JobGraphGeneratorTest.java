package io.spate.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.OutputTag;
import io.spate.api.dag.PartitionSpec;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.typeinfo.Types;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Chaining and edge partitioning of the JobGraph, as Flink's StreamingJobGraphGenerator does it. */
class JobGraphGeneratorTest {

  private static JobGraph generate(StreamExecutionEnvironment env) {
    return JobGraphGenerator.generate(env.getStreamGraph("graph-test"));
  }

  private static List<String> chainNames(JobVertex vertex) {
    return vertex.getChain().stream().map(StreamNode::getName).collect(Collectors.toList());
  }

  private static JobVertex vertexContaining(JobGraph graph, String operatorName) {
    return graph.vertices().stream()
        .filter(v -> v.getChain().stream().anyMatch(n -> n.getName().equals(operatorName)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vertex runs " + operatorName + " in " + graph.vertices()));
  }

  private static List<JobEdge> allEdges(JobGraph graph) {
    return graph.vertices().stream().flatMap(v -> v.getOutputs().stream()).collect(Collectors.toList());
  }

  @Test
  void sourceMapFilterSinkAtEqualParallelismIsOneChain() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).name("src").map(x -> x + 1).name("m").filter(x -> x > 2).name("f").discard();
    JobGraph graph = generate(env);
    assertThat(graph.vertices()).hasSize(1);
    JobVertex vertex = graph.vertices().get(0);
    assertThat(chainNames(vertex)).startsWith("src", "m", "f").hasSize(4);
    assertThat(vertex.getParallelism()).isEqualTo(2);
    assertThat(vertex.getInputs()).isEmpty();
    assertThat(vertex.getOutputs()).isEmpty();
    assertThat(graph.numberOfSubtasks()).isEqualTo(2);
  }

  @Test
  void anOperatorWithTwoChainableConsumersChainsBoth() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    SingleOutputStreamOperator<Long> mapped = env.fromSequence(1, 10).name("src").map(x -> x + 1).name("m");
    mapped.filter(x -> x > 2).name("f1").discard();
    mapped.filter(x -> x > 3).name("f2").discard();
    JobGraph graph = generate(env);
    assertThat(graph.vertices()).hasSize(1);
    assertThat(chainNames(graph.vertices().get(0))).contains("src", "m", "f1", "f2");
  }

  @Test
  void keyByBreaksTheChainWithAHashEdge() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).name("src").map(x -> x + 1).name("m")
        .keyBy(x -> x % 3).reduce(Long::sum).name("r").discard();
    JobGraph graph = generate(env);
    assertThat(graph.vertices()).hasSize(2);
    JobVertex upstream = vertexContaining(graph, "m");
    JobVertex keyed = vertexContaining(graph, "r");
    assertThat(upstream).isNotSameAs(keyed);
    assertThat(chainNames(upstream)).containsExactly("src", "m");
    assertThat(keyed.getHead().getName()).isEqualTo("r");
    assertThat(upstream.getOutputs()).hasSize(1);
    JobEdge edge = upstream.getOutputs().get(0);
    assertThat(edge.target()).isSameAs(keyed);
    assertThat(edge.streamEdge().partitioning()).isInstanceOf(PartitionSpec.KeyGroupHash.class);
    assertThat(keyed.getInputs()).containsExactly(edge);
  }

  @Test
  void differentParallelismBreaksTheChainAndRebalances() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).name("src").map(x -> x + 1).name("m").setParallelism(3).discard();
    JobGraph graph = generate(env);
    // the sink takes the default parallelism 2 (like Flink's), so the map is a task of its own
    assertThat(graph.vertices()).hasSize(3);
    JobVertex source = vertexContaining(graph, "src");
    JobVertex map = vertexContaining(graph, "m");
    assertThat(chainNames(map)).containsExactly("m");
    assertThat(source.getParallelism()).isEqualTo(2);
    assertThat(map.getParallelism()).isEqualTo(3);
    assertThat(source.getOutputs()).hasSize(1);
    assertThat(source.getOutputs().get(0).streamEdge().partitioning()).isInstanceOf(PartitionSpec.Rebalance.class);
    assertThat(map.getOutputs()).hasSize(1);
    assertThat(map.getOutputs().get(0).streamEdge().partitioning()).isInstanceOf(PartitionSpec.Rebalance.class);
    assertThat(map.getOutputs().get(0).target().getParallelism()).isEqualTo(2);
  }

  @Test
  void disableChainingIsolatesTheOperator() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).name("src").map(x -> x + 1).name("m").disableChaining()
        .filter(x -> x > 2).name("f").discard();
    JobGraph graph = generate(env);
    assertThat(graph.vertices()).hasSize(3);
    assertThat(chainNames(vertexContaining(graph, "src"))).containsExactly("src");
    assertThat(chainNames(vertexContaining(graph, "m"))).containsExactly("m");
    assertThat(chainNames(vertexContaining(graph, "f"))).startsWith("f");
    for (JobEdge edge : allEdges(graph)) {
      assertThat(edge.streamEdge().partitioning()).isInstanceOf(PartitionSpec.Forward.class);
    }
  }

  @Test
  void startNewChainStartsAChainThatSuccessorsJoin() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).name("src").map(x -> x + 1).name("m")
        .filter(x -> x > 2).name("f").startNewChain()
        .map(x -> x * 2).name("m2").discard();
    JobGraph graph = generate(env);
    assertThat(graph.vertices()).hasSize(2);
    assertThat(chainNames(vertexContaining(graph, "src"))).containsExactly("src", "m");
    assertThat(chainNames(vertexContaining(graph, "f"))).startsWith("f", "m2");
  }

  @Test
  void slotSharingGroupBreaksTheChainAndIsInherited() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).name("src").map(x -> x + 1).name("m").slotSharingGroup("other")
        .filter(x -> x > 2).name("f").discard();
    JobGraph graph = generate(env);
    assertThat(graph.vertices()).hasSize(2);
    JobVertex source = vertexContaining(graph, "src");
    JobVertex other = vertexContaining(graph, "m");
    assertThat(chainNames(source)).containsExactly("src");
    assertThat(chainNames(other)).startsWith("m", "f");
    assertThat(source.getSlotSharingGroup()).isEqualTo("default");
    assertThat(other.getSlotSharingGroup()).isEqualTo("other");
  }

  @Test
  void unionBecomesOneEdgePerInput() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> a = env.fromSequence(1, 10).name("a");
    DataStream<Long> b = env.fromSequence(11, 20).name("b");
    DataStream<Long> c = env.fromSequence(21, 30).name("c");
    a.union(b, c).map(x -> x).name("m").discard();
    JobGraph graph = generate(env);
    JobVertex map = vertexContaining(graph, "m");
    assertThat(map.getHead().getName()).isEqualTo("m");
    assertThat(map.getInputs()).hasSize(3);
    assertThat(map.getInputs().stream().map(e -> e.source().getHead().getName()))
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(graph.vertices()).hasSize(4);
  }

  @Test
  void sideOutputsBecomeTaggedEdges() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    OutputTag<String> odd = new OutputTag<>("odd", Types.STRING);
    SingleOutputStreamOperator<Long> main = env.fromSequence(1, 10).name("src")
        .process(new ProcessFunction<Long, Long>() {
          @Override
          public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
              out.collect(value);
            } else {
              ctx.output(odd, "odd " + value);
            }
          }
        }).name("split");
    main.discard().name("main-sink");
    main.getSideOutput(odd).map(s -> s.length()).name("side-map").setParallelism(1).discard();
    JobGraph graph = generate(env);
    JobVertex split = vertexContaining(graph, "split");
    JobVertex sideMap = vertexContaining(graph, "side-map");
    assertThat(sideMap).isNotSameAs(split);
    Optional<JobEdge> sideEdge = split.getOutputs().stream().filter(e -> e.target() == sideMap).findFirst();
    assertThat(sideEdge).isPresent();
    assertThat(sideEdge.get().streamEdge().sideOutputTag()).isNotNull();
    assertThat(sideEdge.get().streamEdge().sideOutputTag().getId()).isEqualTo("odd");
    assertThat(sideEdge.get().streamEdge().partitioning()).isInstanceOf(PartitionSpec.Rebalance.class);
    // the main output is chained (equal parallelism, forward) and carries no tag
    StreamNode splitNode = split.getChain().stream().filter(n -> n.getName().equals("split")).findFirst().orElseThrow();
    assertThat(splitNode.getOutEdges()).hasSize(2);
    assertThat(splitNode.getOutEdges().stream().filter(e -> e.sideOutputTag() == null)).hasSize(1);
    assertThat(chainNames(split)).contains("main-sink");
  }

  @Test
  void forwardWithUnequalParallelismIsAClearError() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).name("src").forward().map(x -> x).name("narrow").setParallelism(1).discard();
    assertThatThrownBy(() -> generate(env))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("forward")
        .hasMessageContaining("src")
        .hasMessageContaining("narrow")
        .hasMessageContaining("parallelism 2")
        .hasMessageContaining("parallelism 1");
  }

  @Test
  void forwardWithUnequalParallelismFailsExecuteBeforeAnythingRuns() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).name("src").forward().map(x -> x).name("narrow").setParallelism(1).discard();
    assertThatThrownBy(() -> env.execute("forward-mismatch"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("forward");
  }

  @Test
  void explicitPartitionersBecomeTheirEdgeKinds() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> src = env.fromSequence(1, 10).name("src");
    src.rebalance().map(x -> x).name("rebalance").discard();
    src.rescale().map(x -> x).name("rescale").discard();
    src.shuffle().map(x -> x).name("shuffle").discard();
    src.broadcast().map(x -> x).name("broadcast").discard();
    src.global().map(x -> x).name("global").discard();
    src.partitionCustom((Long k, int n) -> (int) (k % n), x -> x).map(x -> x).name("custom").discard();
    src.forward().map(x -> x).name("forward").discard();
    JobGraph graph = generate(env);
    JobVertex source = vertexContaining(graph, "src");
    assertThat(kindInto(graph, "rebalance")).isInstanceOf(PartitionSpec.Rebalance.class);
    assertThat(kindInto(graph, "rescale")).isInstanceOf(PartitionSpec.Rescale.class);
    assertThat(kindInto(graph, "shuffle")).isInstanceOf(PartitionSpec.Shuffle.class);
    assertThat(kindInto(graph, "broadcast")).isInstanceOf(PartitionSpec.Broadcast.class);
    assertThat(kindInto(graph, "global")).isInstanceOf(PartitionSpec.Global.class);
    assertThat(kindInto(graph, "custom")).isInstanceOf(PartitionSpec.Custom.class);
    // an explicit forward at equal parallelism chains
    assertThat(vertexContaining(graph, "forward")).isSameAs(source);
    // every explicitly repartitioned consumer is its own task
    for (String name : List.of("rebalance", "rescale", "shuffle", "broadcast", "global", "custom")) {
      assertThat(vertexContaining(graph, name)).as(name).isNotSameAs(source);
    }
  }

  private static PartitionSpec kindInto(JobGraph graph, String operatorName) {
    JobVertex target = vertexContaining(graph, operatorName);
    assertThat(target.getInputs()).as("inputs of " + operatorName).hasSize(1);
    return target.getInputs().get(0).streamEdge().partitioning();
  }

  @Test
  void maxParallelismIsResolvedPerNode() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setMaxParallelism(64);
    env.fromSequence(1, 10).name("src").keyBy(x -> x).reduce(Long::sum).name("r").setMaxParallelism(16).discard();
    JobGraph graph = generate(env);
    assertThat(vertexContaining(graph, "src").getHead().getMaxParallelism()).isEqualTo(64);
    assertThat(vertexContaining(graph, "r").getHead().getMaxParallelism()).isEqualTo(16);
  }
}
