package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * The factory of an operator instance: as the factory is copied for every parallel instance, so is
 * the operator, which must therefore be serializable.
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public final class SimpleOperatorFactory<OUT> implements StreamOperatorFactory<OUT> {

  private static final long serialVersionUID = 1L;

  private final StreamOperator<OUT> operator;
  private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;

  private SimpleOperatorFactory(StreamOperator<OUT> operator) {
    this.operator = operator;
  }

  /** The factory of {@code operator}. */
  public static <OUT> SimpleOperatorFactory<OUT> of(StreamOperator<OUT> operator) {
    return new SimpleOperatorFactory<>(Objects.requireNonNull(operator, "operator"));
  }

  /** The operator this factory hands out (in each subtask, that subtask's copy). */
  public StreamOperator<OUT> getOperator() {
    return operator;
  }

  /** Sets whether the operator may be chained (on the operator too, if it is an {@link AbstractStreamOperator}). */
  @Override
  public void setChainingStrategy(ChainingStrategy chainingStrategy) {
    this.chainingStrategy = Objects.requireNonNull(chainingStrategy, "chainingStrategy");
    if (operator instanceof AbstractStreamOperator<?> base) {
      base.setChainingStrategy(chainingStrategy);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends StreamOperator<OUT>> T createStreamOperator(StreamOperatorParameters<OUT> parameters) {
    ElementMethods.requireImplemented(operator);
    operator.setup(parameters);
    return (T) operator;
  }

  /** The strategy set here, or, for an {@link AbstractStreamOperator}, the one the operator holds. */
  @Override
  public ChainingStrategy getChainingStrategy() {
    return operator instanceof AbstractStreamOperator<?> base ? base.getChainingStrategy() : chainingStrategy;
  }

  @Override
  public boolean keepsRecordsInFlight() {
    return operator instanceof InFlightOperator;
  }

  @Override
  public Class<?> getStreamOperatorClass() {
    return operator.getClass();
  }

  @Override
  public boolean isOutputTypeConfigurable() {
    return operator instanceof OutputTypeConfigurable<?>;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void setOutputType(TypeInformation<OUT> type, ExecutionConfig executionConfig) {
    if (operator instanceof OutputTypeConfigurable<?> configurable) {
      ((OutputTypeConfigurable<OUT>) configurable).setOutputType(type, executionConfig);
    }
  }

  @Override
  public boolean isInputTypeConfigurable() {
    return operator instanceof InputTypeConfigurable;
  }

  @Override
  public void setInputType(TypeInformation<?> type, ExecutionConfig executionConfig) {
    if (operator instanceof InputTypeConfigurable configurable) {
      configurable.setInputType(type, executionConfig);
    }
  }
}
