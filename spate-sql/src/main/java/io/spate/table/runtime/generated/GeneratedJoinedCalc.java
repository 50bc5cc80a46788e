package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;

/**
 * The filter and projections of a calc over joined rows as one generated method that reads the fields
 * it needs straight from the two rows, so that no joined row is built for it.
 */
@Internal
public interface GeneratedJoinedCalc {

  /**
   * The projected row for {@code left} joined with {@code right} (with the left row's change kind), or
   * null when the condition is not true.
   */
  Row process(Row left, Row right);
}
