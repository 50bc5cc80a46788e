package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import java.util.List;

/**
 * Routes the records of its input to the downstream subtasks by a {@link PartitionSpec}; runs no
 * operator of its own.
 *
 * @param <T> the record type
 */
@Internal
public final class PartitionTransformation<T> extends Transformation<T> {

  private final Transformation<T> input;
  private final PartitionSpec partitioning;

  /** Creates the node. */
  public PartitionTransformation(int id, Transformation<T> input, PartitionSpec partitioning) {
    super(id, "Partition", input.getOutputType(), input.getParallelism());
    this.input = input;
    this.partitioning = partitioning;
  }

  /** The input. */
  public Transformation<T> getInput() {
    return input;
  }

  /** How records are routed. */
  public PartitionSpec getPartitioning() {
    return partitioning;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
