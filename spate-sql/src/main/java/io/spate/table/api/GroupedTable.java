package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/** A table grouped by keys ({@code table.groupBy($("k"))}), to aggregate with {@link #select}. */
@PublicEvolving
public interface GroupedTable {

  /** One row per group: the keys and aggregates in {@code fields}, such as {@code $("k"), $("v").sum().as("total")}. */
  Table select(Expression... fields);

  /**
   * The group's aggregate by the aggregate function call {@code aggregateFunction}, such as {@code
   * call(MyAggregate.class, $("v")).as("x")}; a row result gives one column per field. Close it with
   * {@link AggregatedTable#select}.
   */
  AggregatedTable aggregate(Expression aggregateFunction);

  /**
   * The rows the table aggregate function call {@code tableAggregateFunction} ({@code
   * call(Top2.class, $("v")).as("v", "rank")}) emits for each group, with the group's keys. Close it
   * with {@link FlatAggregateTable#select}.
   */
  FlatAggregateTable flatAggregate(Expression tableAggregateFunction);
}
