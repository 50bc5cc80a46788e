package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/** A table grouped by a window and keys, to aggregate with {@link #select}. */
@PublicEvolving
public interface WindowGroupedTable {

  /**
   * One row per window and group: keys, aggregates and window properties ({@code $("w").start()}) in
   * {@code fields}.
   */
  Table select(Expression... fields);

  /**
   * The rows the table aggregate function call {@code tableAggregateFunction} emits for each window
   * and group, once the window closes; close it with {@link FlatAggregateTable#select}, which may
   * name the window's properties ({@code $("w").start()}).
   */
  FlatAggregateTable flatAggregate(Expression tableAggregateFunction);
}
