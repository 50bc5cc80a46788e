package io.spate.api.dag;

import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * An operator with one input.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {

  private final Transformation<IN> input;
  private final OperatorSpec operator;
  private KeySelector<IN, ?> keySelector;
  private TypeInformation<?> keyType;

  /** Creates the node. */
  public OneInputTransformation(
      int id, Transformation<IN> input, String name, OperatorSpec operator,
      TypeInformation<OUT> outputType, int parallelism) {
    super(id, name, outputType, parallelism);
    this.input = input;
    this.operator = operator;
  }

  /** The input. */
  public Transformation<IN> getInput() {
    return input;
  }

  /** What the operator computes. */
  public OperatorSpec getOperator() {
    return operator;
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

  /** The key type of a keyed operator, or null. */
  public TypeInformation<?> getStateKeyType() {
    return keyType;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
