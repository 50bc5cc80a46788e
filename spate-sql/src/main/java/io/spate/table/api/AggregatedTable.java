package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/**
 * A table aggregated with an aggregate function ({@code groupBy(...).aggregate(call(...))}): the
 * grouping keys and the function's result (its fields, if it returns a row), to select from.
 */
@PublicEvolving
public interface AggregatedTable {

  /** One row per group: {@code fields} of the keys and the aggregate's columns. */
  Table select(Expression... fields);
}
