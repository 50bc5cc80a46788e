package io.spate.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The producer/consumer wiring of network edges: for pointwise edges (rescale, forward) the two
 * views are inverse of each other and every subtask takes part; all-to-all edges connect everyone.
 */
class PointwiseEdgePropertiesTest {

  private static JobEdge edge(int producers, int consumers, boolean rescale) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(producers);
    DataStream<Long> src = env.fromSequence(1, 10).name("src");
    DataStream<Long> partitioned = rescale ? src.rescale() : src.rebalance();
    partitioned.map(x -> x).name("dst").setParallelism(consumers).disableChaining().discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("pointwise"));
    JobVertex source = graph.vertices().stream().filter(v -> v.getHead().getName().equals("src")).findFirst().orElseThrow();
    assertThat(source.getOutputs()).hasSize(1);
    JobEdge edge = source.getOutputs().get(0);
    assertThat(edge.source().getParallelism()).isEqualTo(producers);
    assertThat(edge.target().getParallelism()).isEqualTo(consumers);
    return edge;
  }

  @Test
  void rescaleConsumersAndProducersAreInverseAndCoverEverySubtask() {
    qt().withExamples(300)
        .forAll(integers().between(1, 40), integers().between(1, 40))
        .checkAssert(PointwiseEdgePropertiesTest::rescaleConsumersAndProducersAreInverseAndCoverEverySubtask);
  }

  private static void rescaleConsumersAndProducersAreInverseAndCoverEverySubtask(int producers, int consumers) {
    JobEdge edge = edge(producers, consumers, true);
    Set<Integer> coveredConsumers = new HashSet<>();
    int previousLast = -1;
    for (int p = 0; p < producers; p++) {
      int[] out = edge.consumersOf(p);
      assertThat(out).as("consumers of producer %d (%d -> %d)", p, producers, consumers).isNotEmpty();
      for (int c : out) {
        assertThat(c).isBetween(0, consumers - 1);
        assertThat(edge.producersOf(c)).as("producers of consumer %d", c).contains(p);
        coveredConsumers.add(c);
      }
      // contiguous, ascending, and in producer order (a local group per producer)
      for (int i = 1; i < out.length; i++) {
        assertThat(out[i]).isEqualTo(out[i - 1] + 1);
      }
      assertThat(out[0]).isGreaterThanOrEqualTo(previousLast);
      previousLast = out[out.length - 1];
    }
    assertThat(coveredConsumers).hasSize(consumers);

    Set<Integer> coveredProducers = new HashSet<>();
    for (int c = 0; c < consumers; c++) {
      int[] in = edge.producersOf(c);
      assertThat(in).as("producers of consumer %d (%d -> %d)", c, producers, consumers).isNotEmpty();
      for (int p : in) {
        assertThat(p).isBetween(0, producers - 1);
        assertThat(edge.consumersOf(p)).as("consumers of producer %d", p).contains(c);
        coveredProducers.add(p);
      }
    }
    assertThat(coveredProducers).hasSize(producers);

    // pointwise: either every producer feeds one consumer or every consumer reads one producer
    if (producers >= consumers) {
      for (int p = 0; p < producers; p++) {
        assertThat(edge.consumersOf(p)).hasSize(1);
      }
    } else {
      for (int c = 0; c < consumers; c++) {
        assertThat(edge.producersOf(c)).hasSize(1);
      }
    }
    // number of channels seen from both sides agrees
    int fromProducers = 0;
    for (int p = 0; p < producers; p++) {
      fromProducers += edge.consumersOf(p).length;
    }
    int fromConsumers = 0;
    for (int c = 0; c < consumers; c++) {
      fromConsumers += edge.producersOf(c).length;
    }
    assertThat(fromProducers).isEqualTo(fromConsumers);
  }

  @Test
  void allToAllEdgesConnectEveryPair() {
    qt().withExamples(100)
        .forAll(integers().between(1, 40), integers().between(1, 40))
        .checkAssert(PointwiseEdgePropertiesTest::allToAllEdgesConnectEveryPair);
  }

  private static void allToAllEdgesConnectEveryPair(int producers, int consumers) {
    JobEdge edge = edge(producers, consumers, false);
    for (int p = 0; p < producers; p++) {
      assertThat(edge.consumersOf(p)).containsExactly(range(consumers));
    }
    for (int c = 0; c < consumers; c++) {
      assertThat(edge.producersOf(c)).containsExactly(range(producers));
    }
  }

  @Test
  void forwardConnectsSubtaskIToSubtaskI() {
    qt().withExamples(40)
        .forAll(integers().between(1, 40))
        .checkAssert(PointwiseEdgePropertiesTest::forwardConnectsSubtaskIToSubtaskI);
  }

  private static void forwardConnectsSubtaskIToSubtaskI(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.fromSequence(1, 10).name("src").forward().map(x -> x).name("dst").disableChaining().discard();
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("forward"));
    JobEdge edge = graph.vertices().stream().flatMap(v -> v.getOutputs().stream())
        .filter(e -> e.target().getHead().getName().equals("dst")).findFirst().orElseThrow();
    for (int i = 0; i < parallelism; i++) {
      assertThat(edge.consumersOf(i)).containsExactly(i);
      assertThat(edge.producersOf(i)).containsExactly(i);
    }
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    Arrays.setAll(r, i -> i);
    return r;
  }
}
