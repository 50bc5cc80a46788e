package io.spate.api.datastream;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.typeinfo.TypeInformation;

/** The graph-build checks of an operator added with {@code transform}, with messages naming it. */
final class OperatorChecks {

  private OperatorChecks() {}

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
    Class<?> operatorClass = factory.getStreamOperatorClass();
    if (operatorClass != null && !kind.isAssignableFrom(operatorClass)) {
      throw new InvalidProgramException("transform('" + name + "'): operator " + operatorClass.getName()
          + " is not a " + kind.getSimpleName() + ", which " + where + " needs.");
    }
  }
}
