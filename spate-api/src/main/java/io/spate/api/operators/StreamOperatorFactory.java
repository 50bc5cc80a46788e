package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.typeinfo.TypeInformation;
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

  // Flink's shape of the factory.

  /**
   * Sets whether the operators may be chained, before the factory is added to a stream.
   *
   * @throws UnsupportedOperationException by default: a factory whose strategy is fixed; set it on the
   *     stream instead ({@code disableChaining()}, {@code startNewChain()})
   */
  default void setChainingStrategy(ChainingStrategy strategy) {
    throw new UnsupportedOperationException("The chaining strategy of " + getClass().getName() + " is fixed ("
        + getChainingStrategy() + "); set it on the stream with disableChaining() or startNewChain() instead.");
  }

  /** Whether the operators read a source (Spate's FLIP-27 source operators do); false by default. */
  default boolean isStreamSource() {
    return false;
  }

  /** Whether the operators run a legacy {@code SourceFunction}; false by default. */
  default boolean isLegacySource() {
    return false;
  }

  /** Whether {@link #setOutputType} wants the output type; false by default. */
  default boolean isOutputTypeConfigurable() {
    return false;
  }

  /** Takes the output type, when {@link #isOutputTypeConfigurable()}; {@code transform} calls it. */
  default void setOutputType(TypeInformation<OUT> type, ExecutionConfig executionConfig) {}

  /** Whether {@link #setInputType} wants the input type; false by default. */
  default boolean isInputTypeConfigurable() {
    return false;
  }

  /** Takes the input type of a one-input operator, when {@link #isInputTypeConfigurable()}; {@code transform} calls it. */
  default void setInputType(TypeInformation<?> type, ExecutionConfig executionConfig) {}

  /** As {@link #getStreamOperatorClass()}; the class loader is not needed, as the factory holds the class. */
  default Class<?> getStreamOperatorClass(ClassLoader classLoader) {
    return getStreamOperatorClass();
  }
}
