package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * Creates the operator of a graph node for each parallel instance. The factory is serialized into
 * the job graph, so every subtask calls its own copy.
 *
 * @param <OUT> the output type of the operators it creates
 */
@PublicEvolving
public interface StreamOperatorFactory<OUT> extends Serializable {

  /** Creates the operator and sets it up with {@code parameters} (see {@link StreamOperator#setup}). */
  <T extends StreamOperator<OUT>> T createStreamOperator(StreamOperatorParameters<OUT> parameters);

  /** Whether the operator may be chained to its input and to its output. */
  default ChainingStrategy getChainingStrategy() {
    return ChainingStrategy.ALWAYS;
  }

  /**
   * Whether the operators it creates keep records in flight ({@link InFlightOperator}), which the
   * runtime must know before it creates them: such an operator heads its chain, so that the task can
   * stop feeding it while it is full.
   */
  default boolean keepsRecordsInFlight() {
    return false;
  }

  /**
   * The class of the operators this factory creates, if known before creating one, so that a bad
   * use (a two-input operator on one input) fails when the graph is built; null if unknown.
   */
  default Class<?> getStreamOperatorClass() {
    return null;
  }
}
