package io.spate.api.datastream;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.SimpleOperatorFactory;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.typeinfo.TypeInformation;
import java.io.Serializable;

/** The graph-build checks of an operator added with {@code transform}, with messages naming it. */
final class OperatorChecks {

  private OperatorChecks() {}

  /**
   * The factory of {@code operator}, which {@code transform(name, ...)} adds: checks that it is set
   * and serializable, as every parallel instance runs a copy of it.
   */
  static <OUT> StreamOperatorFactory<OUT> factoryOf(String name, StreamOperator<OUT> operator) {
    if (operator == null) {
      throw new InvalidProgramException("transform('" + name + "'): the operator must not be null.");
    }
    if (!(operator instanceof Serializable)) {
      throw new InvalidProgramException("transform('" + name + "'): operator " + operator.getClass().getName()
          + " is not serializable; every parallel instance runs its own copy of it. Make it serializable, or pass a"
          + " StreamOperatorFactory that creates it.");
    }
    return SimpleOperatorFactory.of(operator);
  }

  /**
   * Checks that {@code factory} and {@code outputType} are set and that the factory's operators, where
   * their class is known, are of {@code kind}, the operator interface that {@code where} takes.
   */
  static void checkFactory(String name, TypeInformation<?> outputType, StreamOperatorFactory<?> factory,
      Class<?> kind, String where) {
    if (name == null || name.isBlank()) {
      throw new InvalidProgramException("transform: the operator name must not be empty.");
    }
    if (factory == null) {
      throw new InvalidProgramException("transform('" + name + "'): the operator factory must not be null.");
    }
    if (outputType == null) {
      throw new InvalidProgramException("transform('" + name + "'): the output type must not be null.");
    }
    if (factory.keepsRecordsInFlight() && kind != OneInputStreamOperator.class) {
      throw new InvalidProgramException("transform('" + name + "'): only a one-input operator may keep records in"
          + " flight, not one on " + where + ".");
    }
    Class<?> operatorClass = factory.getStreamOperatorClass();
    if (operatorClass != null && !kind.isAssignableFrom(operatorClass)) {
      throw new InvalidProgramException("transform('" + name + "'): operator " + operatorClass.getName()
          + " is not a " + kind.getSimpleName() + ", which " + where + " needs.");
    }
  }

  /**
   * Hands the output type, and the input type of a one-input operator ({@code inputType} null
   * otherwise), to a factory that asks for them, as Flink's graph does when it adds an operator.
   */
  static <OUT> void handTypes(StreamOperatorFactory<OUT> factory, TypeInformation<?> inputType,
      TypeInformation<OUT> outputType, ExecutionConfig config) {
    if (factory.isOutputTypeConfigurable()) {
      factory.setOutputType(outputType, config);
    }
    if (inputType != null && factory.isInputTypeConfigurable()) {
      factory.setInputType(inputType, config);
    }
  }
}
