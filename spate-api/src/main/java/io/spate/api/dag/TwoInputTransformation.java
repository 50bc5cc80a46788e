package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Arrays;
import java.util.List;

/**
 * An operator with two inputs of possibly different types.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the output type
 */
@Internal
public final class TwoInputTransformation<IN1, IN2, OUT> extends PhysicalTransformation<OUT> {

  private final Transformation<IN1> input1;
  private final Transformation<IN2> input2;
  private final StreamOperatorFactory<OUT> operatorFactory;
  private KeySelector<IN1, ?> keySelector1;
  private KeySelector<IN2, ?> keySelector2;
  private TypeInformation<?> keyType;

  /** Creates the node of an operator that {@code operatorFactory} creates. */
  public TwoInputTransformation(
      int id, Transformation<IN1> input1, Transformation<IN2> input2, String name,
      StreamOperatorFactory<OUT> operatorFactory, TypeInformation<OUT> outputType, int parallelism) {
    super(id, name, outputType, parallelism);
    this.input1 = input1;
    this.input2 = input2;
    this.operatorFactory = operatorFactory;
  }

  /** The first input. */
  public Transformation<IN1> getInput1() {
    return input1;
  }

  /** The second input. */
  public Transformation<IN2> getInput2() {
    return input2;
  }

  @Override
  public StreamOperatorFactory<OUT> getOperatorFactory() {
    return operatorFactory;
  }

  /** Makes the operator keyed, with one key selector per input and a common key type. */
  public void setStateKeys(
      KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2, TypeInformation<?> keyType) {
    this.keySelector1 = keySelector1;
    this.keySelector2 = keySelector2;
    this.keyType = keyType;
  }

  /** The first input's key selector, or null when not keyed. */
  public KeySelector<IN1, ?> getStateKeySelector1() {
    return keySelector1;
  }

  /** The second input's key selector, or null when not keyed. */
  public KeySelector<IN2, ?> getStateKeySelector2() {
    return keySelector2;
  }

  @Override
  public List<KeySelector<?, ?>> getStateKeySelectors() {
    return Arrays.asList(keySelector1, keySelector2);
  }

  /** The key type, or null when not keyed. */
  @Override
  public TypeInformation<?> getStateKeyType() {
    return keyType;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input1, input2);
  }
}
