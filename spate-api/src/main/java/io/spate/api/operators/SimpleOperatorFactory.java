package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
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

  /** Sets whether the operator may be chained. */
  public SimpleOperatorFactory<OUT> setChainingStrategy(ChainingStrategy chainingStrategy) {
    this.chainingStrategy = Objects.requireNonNull(chainingStrategy, "chainingStrategy");
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends StreamOperator<OUT>> T createStreamOperator(StreamOperatorParameters<OUT> parameters) {
    operator.setup(parameters);
    return (T) operator;
  }

  @Override
  public ChainingStrategy getChainingStrategy() {
    return chainingStrategy;
  }

  @Override
  public boolean keepsRecordsInFlight() {
    return operator instanceof InFlightOperator;
  }

  @Override
  public Class<?> getStreamOperatorClass() {
    return operator.getClass();
  }
}
