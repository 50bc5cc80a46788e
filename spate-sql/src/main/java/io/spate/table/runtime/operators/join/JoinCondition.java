package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;

/**
 * The part of a join's condition that is not an equality of keys, tested on a pair of rows before
 * they are joined, so that a pair that fails it costs no joined row. Generated classes implement it
 * (see {@link JoinConditionCode}).
 */
@Internal
public interface JoinCondition {

  /** Whether the condition is TRUE (not FALSE, not NULL) for {@code left} joined with {@code right}. */
  boolean test(Row left, Row right);
}
