package io.spate.runtime.jobmaster.failover;

import io.spate.runtime.graph.JobEdge;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobVertex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipelined regions of a streaming job: the sets of vertices joined, directly or through others,
 * by an edge of any partitioning. Every exchange of a streaming job is pipelined, so a region's
 * subtasks can be restarted without touching the rest of the job.
 */
public final class PipelinedRegions {

  private final List<Set<Integer>> regions;
  private final Map<Integer, Integer> regionOfVertex;

  private PipelinedRegions(List<Set<Integer>> regions, Map<Integer, Integer> regionOfVertex) {
    this.regions = regions;
    this.regionOfVertex = regionOfVertex;
  }

  /** The regions of {@code job}'s vertices, joined by their network edges. */
  public static PipelinedRegions of(JobGraph job) {
    List<Integer> vertices = new ArrayList<>();
    List<int[]> edges = new ArrayList<>();
    for (JobVertex vertex : job.vertices()) {
      vertices.add(vertex.getId());
      for (JobEdge edge : vertex.getOutputs()) {
        edges.add(new int[] {edge.source().getId(), edge.target().getId()});
      }
    }
    return of(vertices, edges);
  }

  /**
   * The regions of the vertices {@code vertexIds} joined by {@code edges}, each a pair of vertex ids
   * (the direction does not matter).
   *
   * @throws IllegalArgumentException if an edge is not a pair or names a vertex that is not listed
   */
  public static PipelinedRegions of(Collection<Integer> vertexIds, Collection<int[]> edges) {
    Map<Integer, Integer> index = new HashMap<>();
    List<Integer> ids = new ArrayList<>();
    for (int id : vertexIds) {
      if (index.putIfAbsent(id, ids.size()) == null) {
        ids.add(id);
      }
    }
    int[] parent = new int[ids.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int[] edge : edges) {
      if (edge.length != 2 || !index.containsKey(edge[0]) || !index.containsKey(edge[1])) {
        throw new IllegalArgumentException("An edge must join two of the vertices " + ids + "; got "
            + java.util.Arrays.toString(edge));
      }
      int a = root(parent, index.get(edge[0]));
      int b = root(parent, index.get(edge[1]));
      // The smaller index stays the root, so regions come out in the order of their first vertex.
      parent[Math.max(a, b)] = Math.min(a, b);
    }
    List<Set<Integer>> regions = new ArrayList<>();
    Map<Integer, Integer> regionOfRoot = new HashMap<>();
    Map<Integer, Integer> regionOfVertex = new HashMap<>();
    for (int i = 0; i < parent.length; i++) {
      int region = regionOfRoot.computeIfAbsent(root(parent, i), r -> {
        regions.add(new LinkedHashSet<>());
        return regions.size() - 1;
      });
      regions.get(region).add(ids.get(i));
      regionOfVertex.put(ids.get(i), region);
    }
    List<Set<Integer>> frozen = new ArrayList<>();
    for (Set<Integer> region : regions) {
      frozen.add(Collections.unmodifiableSet(region));
    }
    return new PipelinedRegions(Collections.unmodifiableList(frozen), regionOfVertex);
  }

  private static int root(int[] parent, int i) {
    int root = i;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[i] != root) {
      int next = parent[i];
      parent[i] = root;
      i = next;
    }
    return root;
  }

  /** The regions, each a set of vertex ids, in the order of their first vertex. */
  public List<Set<Integer>> regions() {
    return regions;
  }

  /** How many regions there are. */
  public int size() {
    return regions.size();
  }

  /**
   * The index in {@link #regions()} of the region that holds vertex {@code vertexId}.
   *
   * @throws IllegalArgumentException if the vertex is not one of the graph's
   */
  public int regionOf(int vertexId) {
    Integer region = regionOfVertex.get(vertexId);
    if (region == null) {
      throw new IllegalArgumentException("Vertex " + vertexId + " is not part of the job graph");
    }
    return region;
  }

  /** The vertex ids of region {@code region}. */
  public Set<Integer> region(int region) {
    return regions.get(region);
  }
}
