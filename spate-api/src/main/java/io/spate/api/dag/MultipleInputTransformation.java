package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.functions.KeySelector;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.typeinfo.MissingTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An operator with any number of inputs, each of its own type and, on keyed inputs, with its own
 * key selector; the keyed inputs share one key type.
 *
 * @param <OUT> the output type
 */
@Internal
public final class MultipleInputTransformation<OUT> extends PhysicalTransformation<OUT> {

  private static final long serialVersionUID = 1L;

  private final StreamOperatorFactory<OUT> operatorFactory;
  private final List<Transformation<?>> inputs = new ArrayList<>();
  private final List<KeySelector<?, ?>> keySelectors = new ArrayList<>();
  private TypeInformation<?> keyType;

  /** Creates the node of the operator that {@code operatorFactory} creates; add its inputs next. */
  public MultipleInputTransformation(int id, String name, StreamOperatorFactory<OUT> operatorFactory,
      TypeInformation<OUT> outputType, int parallelism) {
    super(id, name, outputType, parallelism);
    this.operatorFactory = Objects.requireNonNull(operatorFactory, "operatorFactory");
  }

  /** Adds an input that is not keyed. */
  public MultipleInputTransformation<OUT> addInput(Transformation<?> input) {
    return addInput(input, null, null);
  }

  /**
   * Adds an input keyed by {@code keySelector}, whose keys are of {@code keyType}, the key type of
   * every keyed input of this operator.
   */
  public MultipleInputTransformation<OUT> addInput(Transformation<?> input, KeySelector<?, ?> keySelector,
      TypeInformation<?> keyType) {
    Objects.requireNonNull(input, "input");
    if (keySelector != null) {
      if (keyType == null) {
        throw new InvalidProgramException("Input " + inputs.size() + " of operator " + describe()
            + " is keyed, but its key type is unknown.");
      }
      if (this.keyType != null && !(this.keyType instanceof MissingTypeInfo<?>)
          && !(keyType instanceof MissingTypeInfo<?>) && !this.keyType.equals(keyType)) {
        throw new InvalidProgramException("The keyed inputs of operator " + describe() + " must have one key type,"
            + " but input " + inputs.size() + " has keys of " + keyType + " and an earlier input keys of "
            + this.keyType + ".");
      }
      this.keyType = keyType;
    }
    inputs.add(input);
    keySelectors.add(keySelector);
    return this;
  }

  @Override
  public StreamOperatorFactory<OUT> getOperatorFactory() {
    return operatorFactory;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return Collections.unmodifiableList(inputs);
  }

  @Override
  public List<KeySelector<?, ?>> getStateKeySelectors() {
    return Collections.unmodifiableList(keySelectors);
  }

  @Override
  public TypeInformation<?> getStateKeyType() {
    return keyType;
  }
}
