package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.InvalidProgramException;

/**
 * Thrown when an operation is asked for in a notion of time it does not support, such as an
 * interval join in processing time; an {@link InvalidProgramException}, as every mistake in
 * building a job is.
 */
@PublicEvolving
public class UnsupportedTimeCharacteristicException extends InvalidProgramException {

  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, which says what was asked and what to do instead. */
  public UnsupportedTimeCharacteristicException(String message) {
    super(message);
  }
}
