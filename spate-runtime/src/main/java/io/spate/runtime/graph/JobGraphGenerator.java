package io.spate.runtime.graph;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.JobID;
import io.spate.api.common.OutputTag;
import io.spate.api.operators.ChainingStrategy;
import io.spate.api.dag.FeedbackTransformation;
import io.spate.api.dag.IterationTailTransformation;
import io.spate.api.dag.PartitionSpec;
import io.spate.api.dag.PartitionTransformation;
import io.spate.api.dag.PhysicalTransformation;
import io.spate.api.dag.SideOutputTransformation;
import io.spate.api.dag.SinkTransformation;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.Transformation;
import io.spate.api.dag.UnionTransformation;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.PipelineOptions;
import io.spate.runtime.operators.iteration.IterationOperatorFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the API's graph of transformations into a {@link JobGraph}: resolves parallelism, slot
 * sharing groups and default partitioning, then chains operators wherever the edge is forward,
 * the parallelism equal and nothing forbids it (neither the operators nor {@code
 * pipeline.operator-chaining.enabled}).
 */
public final class JobGraphGenerator {

  /** An upstream node as seen through partition, union and side-output transformations. */
  private record Upstream(StreamNode node, PartitionSpec partitioning, OutputTag<?> tag) {}

  private final StreamGraph graph;
  private final int defaultParallelism;
  private final int defaultMaxParallelism;
  private final boolean chainingEnabled;
  private final Map<Integer, List<Upstream>> resolved = new HashMap<>();
  private final Map<Integer, StreamNode> nodes = new LinkedHashMap<>();

  private JobGraphGenerator(StreamGraph graph) {
    this.graph = graph;
    this.defaultParallelism = graph.configuration().get(CoreOptions.DEFAULT_PARALLELISM);
    this.defaultMaxParallelism = graph.configuration().get(CoreOptions.MAX_PARALLELISM);
    this.chainingEnabled = graph.configuration().get(PipelineOptions.OPERATOR_CHAINING);
  }

  /** Generates the job graph of {@code graph} under a new job id. */
  public static JobGraph generate(StreamGraph graph) {
    return generate(graph, JobID.generate());
  }

  /** Generates the job graph of {@code graph} under {@code jobId}. */
  public static JobGraph generate(StreamGraph graph, JobID jobId) {
    return new JobGraphGenerator(graph).build(jobId);
  }

  private JobGraph build(JobID jobId) {
    for (Transformation<?> t : graph.transformations()) {
      translate(t);
    }
    OperatorIds.assign(nodes.values());
    List<JobVertex> vertices = chain();
    markIterations(vertices);
    return new JobGraph(jobId, graph.jobName(), vertices, graph.configuration(), graph.executionConfig(),
        graph.runtimeMode(), graph.userClassLoader());
  }

  // ------------------------------------------------------------------ operators and edges

  private void translate(Transformation<?> t) {
    if (t instanceof PartitionTransformation<?> p) {
      List<Upstream> ups = new ArrayList<>();
      for (Upstream u : resolved.get(p.getInput().getId())) {
        ups.add(new Upstream(u.node(), p.getPartitioning(), u.tag()));
      }
      resolved.put(t.getId(), ups);
    } else if (t instanceof UnionTransformation<?> u) {
      List<Upstream> ups = new ArrayList<>();
      for (Transformation<?> input : u.getInputs()) {
        ups.addAll(resolved.get(input.getId()));
      }
      resolved.put(t.getId(), ups);
    } else if (t instanceof SideOutputTransformation<?> s) {
      List<Upstream> ups = new ArrayList<>();
      for (Upstream u : resolved.get(s.getInput().getId())) {
        if (u.tag() != null) {
          throw new InvalidProgramException("getSideOutput on a side output is not possible (operator "
              + s.getInput().describe() + ").");
        }
        ups.add(new Upstream(u.node(), u.partitioning(), s.getOutputTag()));
      }
      resolved.put(t.getId(), ups);
    } else if (t instanceof FeedbackTransformation<?> head) {
      translateIterationHead(head);
    } else if (t instanceof IterationTailTransformation<?> tail) {
      translateIterationTail(tail);
    } else if (t instanceof PhysicalTransformation<?> || t instanceof SourceTransformation<?>
        || t instanceof SinkTransformation<?>) {
      StreamNode node = new StreamNode(t, parallelismOf(t), maxParallelismOf(t), slotSharingGroupOf(t));
      nodes.put(t.getId(), node);
      List<Transformation<?>> inputs = t.getInputs();
      for (int inputIndex = 0; inputIndex < inputs.size(); inputIndex++) {
        for (Upstream u : resolved.get(inputs.get(inputIndex).getId())) {
          connect(u, node, inputIndex);
        }
      }
      resolved.put(t.getId(), List.of(new Upstream(node, null, null)));
    } else {
      throw new IllegalStateException("Unknown transformation " + t);
    }
  }

  private void connect(Upstream upstream, StreamNode target, int inputIndex) {
    StreamNode source = upstream.node();
    PartitionSpec spec = upstream.partitioning() == null ? new PartitionSpec.Default() : upstream.partitioning();
    if (spec instanceof PartitionSpec.Default) {
      spec = source.getParallelism() == target.getParallelism()
          ? new PartitionSpec.Forward() : new PartitionSpec.Rebalance();
    } else if (spec instanceof PartitionSpec.Forward && source.getParallelism() != target.getParallelism()) {
      throw new InvalidProgramException("forward() between " + source.getTransformation().describe()
          + " (parallelism " + source.getParallelism() + ") and " + target.getTransformation().describe()
          + " (parallelism " + target.getParallelism() + ") is not possible: forward needs equal parallelism. "
          + "Use rebalance() or rescale(), or make the parallelism equal.");
    }
    StreamEdge edge = new StreamEdge(source, target, spec, upstream.tag(), inputIndex);
    source.getOutEdges().add(edge);
    target.getInEdges().add(edge);
  }

  private int parallelismOf(Transformation<?> t) {
    return t.getParallelism() > 0 ? t.getParallelism() : defaultParallelism;
  }

  private int maxParallelismOf(Transformation<?> t) {
    return t.getMaxParallelism() > 0 ? t.getMaxParallelism() : defaultMaxParallelism;
  }

  private String slotSharingGroupOf(Transformation<?> t) {
    if (t.getSlotSharingGroup() != null) {
      return t.getSlotSharingGroup();
    }
    String inherited = null;
    for (Transformation<?> input : t.getInputs()) {
      for (Upstream u : resolved.get(input.getId())) {
        String group = u.node().getSlotSharingGroup();
        if (inherited == null) {
          inherited = group;
        } else if (!inherited.equals(group)) {
          return Transformation.DEFAULT_SLOT_SHARING_GROUP;
        }
      }
    }
    return inherited != null ? inherited : Transformation.DEFAULT_SLOT_SHARING_GROUP;
  }

  // ------------------------------------------------------------------ iterations

  /**
   * An iteration's head becomes an operator that reads the iteration's input (none for a connected
   * iteration) and the feedback, heading its own task; the feedback's tail becomes an operator that
   * writes it back. No edge closes the loop: head and tail meet through a channel in their
   * TaskExecutor, which the co-location of their vertices guarantees (see {@link #markIterations}).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void translateIterationHead(FeedbackTransformation<?> f) {
    IterationNodeTransformation<?> head = new IterationNodeTransformation(f, "IterationSource-" + f.getId(),
        f.getInputs(), IterationOperatorFactory.head(f.getId(), f.getMaxWaitTimeMillis(), f.getOutputType()),
        f.getOutputType(), parallelismOf(f));
    addIterationNode(head, new StreamNode(head, parallelismOf(f), maxParallelismOf(f), slotSharingGroupOf(f)));
  }

  /** The tail runs with its head's parallelism and in its head's slot sharing group. */
  private void translateIterationTail(IterationTailTransformation<?> t) {
    StreamNode head = nodes.get(t.getHead().getId());
    for (Upstream u : resolved.get(t.getFeedback().getId())) {
      if (u.node().getParallelism() != head.getParallelism()) {
        throw new InvalidProgramException("The feedback stream " + t.getFeedback().describe() + " of iteration "
            + t.getHead().describe() + " comes from " + u.node().getTransformation().describe() + " with parallelism "
            + u.node().getParallelism() + ", but the iteration head has parallelism " + head.getParallelism()
            + ": they must be equal; change either with setParallelism(...).");
      }
    }
    IterationNodeTransformation<Object> tail = new IterationNodeTransformation<>(t, t.getName(), t.getInputs(),
        IterationOperatorFactory.tail(t.getHead().getId(), head.getName(), t.getHead().getOutputType()), null,
        head.getParallelism());
    addIterationNode(tail, new StreamNode(tail, head.getParallelism(), head.getMaxParallelism(),
        head.getSlotSharingGroup()));
  }

  private void addIterationNode(Transformation<?> t, StreamNode node) {
    nodes.put(t.getId(), node);
    List<Transformation<?>> inputs = t.getInputs();
    for (int inputIndex = 0; inputIndex < inputs.size(); inputIndex++) {
      for (Upstream u : resolved.get(inputs.get(inputIndex).getId())) {
        connect(u, node, inputIndex);
      }
    }
    resolved.put(t.getId(), List.of(new Upstream(node, null, null)));
  }

  /**
   * Puts the vertices of each iteration's head and tail in one co-location group: subtask i of each
   * must run in the same TaskExecutor. Head and tail share slot sharing group and parallelism, so the
   * scheduler gives them the same slot; it checks the group before it deploys.
   */
  private static void markIterations(List<JobVertex> vertices) {
    for (JobVertex vertex : vertices) {
      for (StreamNode node : vertex.getChain()) {
        if (node.getTransformation() instanceof IterationNodeTransformation<?> it) {
          vertex.addCoLocationGroup(it.iterationFactory().iterationId());
        }
      }
    }
  }

  // ------------------------------------------------------------------ chaining

  private List<JobVertex> chain() {
    Map<Integer, JobVertex> vertexOf = new HashMap<>();
    List<JobVertex> vertices = new ArrayList<>();
    for (StreamNode node : nodes.values()) {
      if (chainingEnabled && node.getInEdges().size() == 1 && isChainable(node.getInEdges().get(0))) {
        JobVertex vertex = vertexOf.get(node.getInEdges().get(0).source().getId());
        vertex.addToChain(node);
        vertexOf.put(node.getId(), vertex);
      } else {
        JobVertex vertex = new JobVertex(vertices.size(), node);
        vertices.add(vertex);
        vertexOf.put(node.getId(), vertex);
      }
    }
    int edgeId = 0;
    for (StreamNode node : nodes.values()) {
      for (StreamEdge edge : node.getInEdges()) {
        JobVertex source = vertexOf.get(edge.source().getId());
        JobVertex target = vertexOf.get(node.getId());
        if (source != target) {
          JobEdge jobEdge = new JobEdge(edgeId++, source, target, edge);
          source.getOutputs().add(jobEdge);
          target.getInputs().add(jobEdge);
        }
      }
    }
    return vertices;
  }

  private static boolean isChainable(StreamEdge edge) {
    StreamNode up = edge.source();
    StreamNode down = edge.target();
    return edge.partitioning() instanceof PartitionSpec.Forward
        && up.getParallelism() == down.getParallelism()
        && up.getSlotSharingGroup().equals(down.getSlotSharingGroup())
        && down.getChainingStrategy() == ChainingStrategy.ALWAYS
        && up.getChainingStrategy() != ChainingStrategy.NEVER;
  }
}
