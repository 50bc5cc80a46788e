package io.spate.api.types;

import io.spate.api.annotation.Public;

/** Thrown where a tuple field must hold a value but holds null, naming the field's position. */
@Public
public class NullFieldException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int fieldPos;

  /** An exception without a known field position. */
  public NullFieldException() {
    super("A field that must not be null is null");
    this.fieldPos = -1;
  }

  /** An exception for the field at {@code fieldIdx}. */
  public NullFieldException(int fieldIdx) {
    super("Field " + fieldIdx + " is null, but tuple fields must not be null");
    this.fieldPos = fieldIdx;
  }

  /** An exception for the field at {@code fieldIdx}, with a message that says where it was found. */
  public NullFieldException(int fieldIdx, String message) {
    super(message);
    this.fieldPos = fieldIdx;
  }

  /** An exception for the field at {@code fieldIdx}, caused by {@code cause}. */
  public NullFieldException(int fieldIdx, Throwable cause) {
    super("Field " + fieldIdx + " is null, but tuple fields must not be null", cause);
    this.fieldPos = fieldIdx;
  }

  /** The position of the null field, or -1 if it is not known. */
  public int getFieldPos() {
    return fieldPos;
  }
}
