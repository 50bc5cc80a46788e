package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * A transformation that becomes an operator of its own (not a repartitioning, union or side output):
 * the factory of its operator, and what the runtime must know to run it keyed.
 *
 * @param <OUT> the output type
 */
@Internal
public abstract class PhysicalTransformation<OUT> extends Transformation<OUT> {

  private static final long serialVersionUID = 1L;

  /** Creates the transformation; {@code id} must be unique within the environment. */
  protected PhysicalTransformation(int id, String name, TypeInformation<OUT> outputType, int parallelism) {
    super(id, name, outputType, parallelism);
  }

  /** The factory of the operator, which every parallel instance copies to create its operator. */
  public abstract StreamOperatorFactory<OUT> getOperatorFactory();

  /**
   * The state key selector of each input, in input order; an element is null where that input is not
   * keyed, and every element is null for an operator that is not keyed.
   */
  public abstract List<KeySelector<?, ?>> getStateKeySelectors();

  /** The type of the state key of a keyed operator, or null. */
  public abstract TypeInformation<?> getStateKeyType();
}
