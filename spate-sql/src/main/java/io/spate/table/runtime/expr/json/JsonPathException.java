package io.spate.table.runtime.expr.json;

import io.spate.api.annotation.Internal;

/** A JSON path that is malformed, or (in strict mode) does not fit the JSON value it is applied to. */
@Internal
public final class JsonPathException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error that {@code message} describes. */
  public JsonPathException(String message) {
    super(message);
  }
}
