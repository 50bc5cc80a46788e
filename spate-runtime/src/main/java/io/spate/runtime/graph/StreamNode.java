package io.spate.runtime.graph;

import io.spate.api.dag.PhysicalTransformation;
import io.spate.api.dag.SinkTransformation;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.operators.ChainingStrategy;
import io.spate.api.dag.Transformation;
import io.spate.api.functions.sink.SinkFunctionSink;
import io.spate.api.functions.source.SourceFunctionSource;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.runtime.operators.SinkFunctionOperatorFactory;
import io.spate.runtime.operators.SinkWriterOperatorFactory;
import io.spate.runtime.rpc.ClusterObjectFilter;
import io.spate.runtime.source.SourceFunctionOperatorFactory;
import io.spate.runtime.source.SourceOperatorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * One operator of a job (a source, an operator with one or more inputs, or a sink) with the factory
 * of its operator, its resolved settings and its edges; partitioning, union and side-output
 * selection have become edge properties.
 */
public final class StreamNode implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final Transformation<?> transformation;
  private final int parallelism;
  private final int maxParallelism;
  private final String slotSharingGroup;
  private final List<StreamEdge> inEdges = new ArrayList<>();
  private final List<StreamEdge> outEdges = new ArrayList<>();
  private final UserCode userCode;
  private final boolean keepsRecordsInFlight;
  private String operatorId;

  StreamNode(Transformation<?> transformation, int parallelism, int maxParallelism, String slotSharingGroup) {
    this.transformation = transformation;
    this.parallelism = parallelism;
    this.maxParallelism = maxParallelism;
    this.slotSharingGroup = slotSharingGroup;
    StreamOperatorFactory<?> factory = operatorFactoryOf(transformation);
    this.keepsRecordsInFlight = factory.keepsRecordsInFlight();
    this.userCode = UserCode.serialize("operator '" + transformation.getName() + "'", factory);
  }

  /**
   * The factory of {@code t}'s operator: a physical transformation carries it; sources and sinks
   * become the runtime's factories of their operators.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StreamOperatorFactory<?> operatorFactoryOf(Transformation<?> t) {
    if (t instanceof PhysicalTransformation<?> physical) {
      return physical.getOperatorFactory();
    } else if (t instanceof SourceTransformation<?> s && s.getSource() instanceof SourceFunctionSource<?> legacy) {
      return new SourceFunctionOperatorFactory<>(legacy.getFunction());
    } else if (t instanceof SinkTransformation<?> s && s.getSink() instanceof SinkFunctionSink<?> legacy) {
      return new SinkFunctionOperatorFactory<>(legacy.getFunction());
    } else if (t instanceof SourceTransformation<?> s) {
      return new SourceOperatorFactory(s.getSource(), s.getWatermarkStrategy());
    } else if (t instanceof SinkTransformation<?> s) {
      return new SinkWriterOperatorFactory<>(s.getSink());
    }
    throw new IllegalArgumentException("Transformation " + t.describe() + " has no operator of its own");
  }

  /**
   * This subtask's own copy of the factory of the node's operator (serialized when the graph was
   * made, so that no instance field is shared between subtasks), its classes resolved through
   * {@code userClassLoader}.
   */
  public StreamOperatorFactory<?> createOperatorFactory(ClassLoader userClassLoader) {
    return (StreamOperatorFactory<?>) userCode.copy(userClassLoader,
        ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE).withUserClassLoader(userClassLoader))[0];
  }

  /**
   * The operator's stable id, which maps its state in checkpoints and savepoints: derived from its
   * uid when it has one, else from its place in the graph.
   */
  public String getOperatorId() {
    return operatorId;
  }

  void setOperatorId(String operatorId) {
    this.operatorId = operatorId;
  }

  /** The transformation this node runs. */
  public Transformation<?> getTransformation() {
    return transformation;
  }

  /** The node's id (its transformation's id). */
  public int getId() {
    return transformation.getId();
  }

  /** The operator's name. */
  public String getName() {
    return transformation.getName();
  }

  /** The resolved parallelism. */
  public int getParallelism() {
    return parallelism;
  }

  /** The resolved max parallelism: the number of key groups of a keyed operator. */
  public int getMaxParallelism() {
    return maxParallelism;
  }

  /** The resolved slot sharing group. */
  public String getSlotSharingGroup() {
    return slotSharingGroup;
  }

  /**
   * The chaining strategy; an operator that keeps records in flight (as its factory says) heads its
   * chain, so that the task can stop feeding it while it is full.
   */
  public ChainingStrategy getChainingStrategy() {
    ChainingStrategy strategy = transformation.getChainingStrategy();
    return keepsRecordsInFlight && strategy == ChainingStrategy.ALWAYS ? ChainingStrategy.HEAD : strategy;
  }

  /** Edges into this node. */
  public List<StreamEdge> getInEdges() {
    return inEdges;
  }

  /** Edges out of this node. */
  public List<StreamEdge> getOutEdges() {
    return outEdges;
  }

  @Override
  public String toString() {
    return getName() + "#" + getId();
  }
}
