package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;

/**
 * A call of a user's table function for one input row as one generated method: it evaluates the call's
 * arguments over the row with typed code and calls the function's {@code eval} method directly, which
 * gives its rows to the function's collector.
 */
@Internal
public interface GeneratedTableCall {

  /** Calls the function with its arguments over {@code input} (not at all when a primitive parameter would get NULL). */
  void call(Row input);
}
