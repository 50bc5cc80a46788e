package io.spate.runtime.graph;

import io.spate.api.common.OutputTag;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.dag.PartitionSpec;

/**
 * A connection between two operators.
 *
 * @param source the producing node
 * @param target the consuming node
 * @param partitioning how records are routed; never {@link PartitionSpec.Default} once resolved
 * @param sideOutputTag the side output this edge carries, or null for the main output
 * @param targetInputIndex 0, or 1 for the second input of a two-input operator
 */
public record StreamEdge(
    StreamNode source, StreamNode target, PartitionSpec partitioning, OutputTag<?> sideOutputTag,
    int targetInputIndex) {

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
