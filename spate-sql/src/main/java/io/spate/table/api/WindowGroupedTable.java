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
   * The rows a table aggregate function emits for each window and group; Spate does not run it yet
   * and fails naming the operation.
   */
  default FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
    throw new TableException("Spate does not support flatAggregate on a window group (a table aggregate function per"
        + " window) yet; flatAggregate works on groupBy(...) without a window and on a whole table");
  }
}
