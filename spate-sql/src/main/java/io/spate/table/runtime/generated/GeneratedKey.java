package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;

/**
 * The key of a row computed by expressions over it (a temporal join's key such as {@code o.id % 2 + 1})
 * as one generated method: what a class that the planner generates and {@link GeneratedClasses}
 * compiles implements.
 */
@Internal
public interface GeneratedKey {

  /** The key of {@code input}: a new row of kind insert with the value of each key expression. */
  Row key(Row input);
}
