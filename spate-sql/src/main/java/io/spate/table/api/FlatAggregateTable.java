package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/**
 * A table aggregated with a table aggregate function ({@code groupBy(...).flatAggregate(call(...))}):
 * per group, the grouping keys and the rows the function emits, to select from. In streaming mode
 * the result is a changelog: a group's earlier rows are deleted when the function emits new ones.
 */
@PublicEvolving
public interface FlatAggregateTable {

  /** The rows of every group: {@code fields} of the keys and the function's columns (no aggregates). */
  Table select(Expression... fields);
}
