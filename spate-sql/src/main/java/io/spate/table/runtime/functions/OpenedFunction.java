package io.spate.table.runtime.functions;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.UserDefinedFunction;
import java.io.Serializable;
import java.util.Map;

/**
 * A user-defined function of a job, opened once per task before its first call (by the operator that
 * holds it, or else at that call) and closed by its operator when the task ends. All calls of the
 * function in one operator share one of these, so it opens once.
 */
@Internal
public final class OpenedFunction implements Serializable {

  private static final long serialVersionUID = 1L;

  private final UserDefinedFunction function;
  private transient boolean opened;

  /** {@code function}, not opened yet. */
  public OpenedFunction(UserDefinedFunction function) {
    this.function = function;
  }

  /** The function, opened with {@code context} if it was not. */
  public UserDefinedFunction open(FunctionContext context) {
    if (!opened) {
      opened = true;
      try {
        function.open(context);
      } catch (Exception e) {
        throw new TableException("Function " + function.functionIdentifier() + " failed to open: " + e.getMessage(),
            e);
      }
    }
    return function;
  }

  /** The function, opened with an empty context if it was not: for calls outside an operator that opens it. */
  public UserDefinedFunction get() {
    // Called per row: no context made for a function that is open already.
    return opened ? function : open(new FunctionContext(Map.of(), function.getClass().getClassLoader()));
  }

  /** Closes the function if it was opened. */
  public void close() throws Exception {
    if (opened) {
      opened = false;
      function.close();
    }
  }
}
