package io.spate.runtime.jobmaster.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.JobVertex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PipelinedRegionsTest {

  private static JobGraph generate(StreamExecutionEnvironment env) {
    return JobGraphGenerator.generate(env.getStreamGraph("regions"));
  }

  @Test
  void twoPipelinesThatShareNoVertexAreTwoRegions() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(0, 10).rebalance().map(x -> x + 1).discard();
    env.fromSequence(0, 10).keyBy(x -> x % 3).map(x -> x * 2).discard();
    JobGraph job = generate(env);

    PipelinedRegions regions = PipelinedRegions.of(job);

    assertThat(regions.size()).isEqualTo(2);
    List<JobVertex> vertices = job.vertices();
    assertThat(vertices).hasSize(4);
    for (JobVertex vertex : vertices) {
      for (var edge : vertex.getOutputs()) {
        assertThat(regions.regionOf(edge.target().getId())).isEqualTo(regions.regionOf(vertex.getId()));
      }
    }
    assertThat(regions.regions()).allSatisfy(region -> assertThat(region).hasSize(2));
  }

  @Test
  void aUnionJoinsTwoSourcesIntoOneRegion() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> a = env.fromSequence(0, 10);
    DataStream<Long> b = env.fromSequence(0, 10);
    a.union(b).keyBy(x -> x % 3).map(x -> x).discard();

    assertThat(PipelinedRegions.of(generate(env)).size()).isEqualTo(1);
  }

  @Test
  void sinkBranchesOfOneSourceAreOneRegion() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> numbers = env.fromSequence(0, 10);
    numbers.rebalance().map(x -> x).discard();
    numbers.keyBy(x -> x % 2).map(x -> x).discard();

    assertThat(PipelinedRegions.of(generate(env)).size()).isEqualTo(1);
  }

  @Test
  void verticesWithoutEdgesAreRegionsOfTheirOwnInTheOrderGiven() {
    PipelinedRegions regions = PipelinedRegions.of(List.of(7, 3, 5), List.of());

    assertThat(regions.regions()).containsExactly(Set.of(7), Set.of(3), Set.of(5));
    assertThat(regions.regionOf(5)).isEqualTo(2);
  }

  @Test
  void unknownVerticesAndMalformedEdgesAreNamed() {
    assertThatThrownBy(() -> PipelinedRegions.of(List.of(1, 2), List.<int[]>of(new int[] {1, 9})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 9]");
    assertThatThrownBy(() -> PipelinedRegions.of(List.of(1, 2), List.<int[]>of(new int[] {1})))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PipelinedRegions.of(List.of(1, 2), List.of()).regionOf(4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Vertex 4");
  }

  @Test
  void regionsAreTheConnectedComponents() {
    qt().forAll(integers().between(1, 25), ShrinkingLists.of(integers().between(0, 1_000), 0, 40))
        .checkAssert(PipelinedRegionsTest::regionsAreTheConnectedComponents);
  }

  private static void regionsAreTheConnectedComponents(int vertexCount, List<Integer> ends) {
    // Vertex ids need not be dense: spread them out.
    List<Integer> ids = IntStream.range(0, vertexCount).map(i -> 3 * i + 1).boxed().toList();
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i + 1 < ends.size(); i += 2) {
      edges.add(new int[] {ids.get(ends.get(i) % vertexCount), ids.get(ends.get(i + 1) % vertexCount)});
    }

    PipelinedRegions regions = PipelinedRegions.of(ids, edges);

    // Every vertex is in exactly one region, and regionOf agrees with regions().
    List<Integer> all = regions.regions().stream().flatMap(Set::stream).toList();
    assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
    for (int r = 0; r < regions.size(); r++) {
      for (int vertex : regions.region(r)) {
        assertThat(regions.regionOf(vertex)).isEqualTo(r);
      }
    }
    // The two ends of an edge share a region.
    for (int[] edge : edges) {
      assertThat(regions.regionOf(edge[0])).isEqualTo(regions.regionOf(edge[1]));
    }
    // The finest such partition: every region is connected by its own edges, so no split of it
    // keeps all edges inside regions.
    for (Set<Integer> region : regions.regions()) {
      assertThat(reachable(region.iterator().next(), edges)).isEqualTo(region);
    }
  }

  private static Set<Integer> reachable(int from, List<int[]> edges) {
    Set<Integer> seen = new HashSet<>(Set.of(from));
    Deque<Integer> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      int vertex = todo.poll();
      for (int[] edge : edges) {
        int other = edge[0] == vertex ? edge[1] : edge[1] == vertex ? edge[0] : -1;
        if (other != -1 && seen.add(other)) {
          todo.add(other);
        }
      }
    }
    return seen.stream().collect(Collectors.toSet());
  }
}
