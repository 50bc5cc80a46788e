package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Collections;
import java.util.List;

/**
 * An operator with one input.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@Internal
public final class OneInputTransformation<IN, OUT> extends PhysicalTransformation<OUT> {

  private final Transformation<IN> input;
  private final StreamOperatorFactory<OUT> operatorFactory;
  private KeySelector<IN, ?> keySelector;
  private TypeInformation<?> keyType;

  /** Creates the node of an operator that {@code operatorFactory} creates. */
  public OneInputTransformation(
      int id, Transformation<IN> input, String name, StreamOperatorFactory<OUT> operatorFactory,
      TypeInformation<OUT> outputType, int parallelism) {
    super(id, name, outputType, parallelism);
    this.input = input;
    this.operatorFactory = operatorFactory;
  }

  /** The input. */
  public Transformation<IN> getInput() {
    return input;
  }

  @Override
  public StreamOperatorFactory<OUT> getOperatorFactory() {
    return operatorFactory;
  }

  /** Makes the operator keyed: its state and timers are scoped to the key of each record. */
  public void setStateKey(KeySelector<IN, ?> keySelector, TypeInformation<?> keyType) {
    this.keySelector = keySelector;
    this.keyType = keyType;
  }

  /** The key selector of a keyed operator, or null. */
  public KeySelector<IN, ?> getStateKeySelector() {
    return keySelector;
  }

  @Override
  public List<KeySelector<?, ?>> getStateKeySelectors() {
    return Collections.singletonList(keySelector);
  }

  /** The key type of a keyed operator, or null. */
  @Override
  public TypeInformation<?> getStateKeyType() {
    return keyType;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
