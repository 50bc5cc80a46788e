package io.spate.runtime.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A task of the job: a chain of operators that run in one thread and call each other directly,
 * with the network inputs and outputs of the chain.
 */
public final class JobVertex implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int id;
  private final List<StreamNode> chain = new ArrayList<>();
  private final List<JobEdge> inputs = new ArrayList<>();
  private final List<JobEdge> outputs = new ArrayList<>();
  private final SortedSet<Integer> coLocationGroups = new TreeSet<>();

  JobVertex(int id, StreamNode head) {
    this.id = id;
    chain.add(head);
  }

  /** The vertex's id within its job. */
  public int getId() {
    return id;
  }

  /** The chained operators, head first, each after its chained inputs. */
  public List<StreamNode> getChain() {
    return chain;
  }

  /** The first operator of the chain. */
  public StreamNode getHead() {
    return chain.get(0);
  }

  /** The network edges into this vertex. */
  public List<JobEdge> getInputs() {
    return inputs;
  }

  /** The network edges out of this vertex. */
  public List<JobEdge> getOutputs() {
    return outputs;
  }

  /** The parallelism (equal for every operator of the chain). */
  public int getParallelism() {
    return getHead().getParallelism();
  }

  /** The slot sharing group. */
  public String getSlotSharingGroup() {
    return getHead().getSlotSharingGroup();
  }

  /** The chained operator names joined by arrows. */
  public String getName() {
    return chain.stream().map(StreamNode::getName).collect(Collectors.joining(" -> "));
  }

  /**
   * The chained operators' descriptions ({@code setDescription}), each operator without one by its
   * name, joined by arrows.
   */
  public String getDescription() {
    return chain.stream()
        .map(node -> node.getTransformation().getDescription() != null
            ? node.getTransformation().getDescription() : node.getName())
        .collect(Collectors.joining(" -> "));
  }

  /**
   * The co-location groups (iteration ids) of this vertex: subtask i of every vertex of a group must
   * run in the same TaskExecutor. Empty for most vertices.
   */
  public SortedSet<Integer> getCoLocationGroups() {
    return Collections.unmodifiableSortedSet(coLocationGroups);
  }

  void addCoLocationGroup(int group) {
    coLocationGroups.add(group);
  }

  void addToChain(StreamNode node) {
    chain.add(node);
  }

  @Override
  public String toString() {
    return "JobVertex#" + id + "(" + getName() + ", parallelism " + getParallelism() + ")";
  }
}
