package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import java.util.List;

/**
 * Merges streams of one type; runs no operator of its own.
 *
 * @param <T> the record type
 */
@Internal
public final class UnionTransformation<T> extends Transformation<T> {

  private final List<Transformation<T>> inputs;

  /** Creates the node. */
  public UnionTransformation(int id, List<Transformation<T>> inputs) {
    super(id, "Union", inputs.get(0).getOutputType(), inputs.get(0).getParallelism());
    this.inputs = List.copyOf(inputs);
  }

  /** The merged inputs. */
  public List<Transformation<T>> getUnionInputs() {
    return inputs;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.copyOf(inputs);
  }
}
