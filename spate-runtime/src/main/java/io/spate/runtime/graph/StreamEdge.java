package io.spate.runtime.graph;

import io.spate.api.common.OutputTag;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.dag.PartitionSpec;

/**
 * A connection between two operators. A class rather than a record because nodes and edges refer to
 * each other, and Java serialization cannot rebuild a record that is part of a reference cycle.
 */
public final class StreamEdge implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final StreamNode source;
  private final StreamNode target;
  private final PartitionSpec partitioning;
  private final OutputTag<?> sideOutputTag;
  private final int targetInputIndex;

  /**
   * Creates the edge.
   *
   * @param source the producing node
   * @param target the consuming node
   * @param partitioning how records are routed; never {@link PartitionSpec.Default} once resolved
   * @param sideOutputTag the side output this edge carries, or null for the main output
   * @param targetInputIndex 0, or 1 for the second input of a two-input operator
   */
  public StreamEdge(StreamNode source, StreamNode target, PartitionSpec partitioning, OutputTag<?> sideOutputTag,
      int targetInputIndex) {
    this.source = source;
    this.target = target;
    this.partitioning = partitioning;
    this.sideOutputTag = sideOutputTag;
    this.targetInputIndex = targetInputIndex;
  }

  /** The producing node. */
  public StreamNode source() {
    return source;
  }

  /** The consuming node. */
  public StreamNode target() {
    return target;
  }

  /** How records are routed. */
  public PartitionSpec partitioning() {
    return partitioning;
  }

  /** The side output this edge carries, or null for the main output. */
  public OutputTag<?> sideOutputTag() {
    return sideOutputTag;
  }

  /** 0, or 1 for the second input of a two-input operator. */
  public int targetInputIndex() {
    return targetInputIndex;
  }

  /** Whether each producer subtask talks to a fixed subset of consumers rather than all of them. */
  public boolean isPointwise() {
    return partitioning instanceof PartitionSpec.Forward || partitioning instanceof PartitionSpec.Rescale;
  }

  /** The type of the records this edge carries: the side output's type, else the source's output type. */
  public TypeInformation<?> recordType() {
    return sideOutputTag != null ? sideOutputTag.getTypeInfo() : source.getTransformation().getOutputType();
  }

  @Override
  public String toString() {
    return source + " -[" + partitioning.getClass().getSimpleName()
        + (sideOutputTag == null ? "" : ", " + sideOutputTag.getId()) + "]-> " + target;
  }
}
