package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/** A table with a group window ({@code table.window(Tumble...)}), to group by the window and keys. */
@PublicEvolving
public interface GroupWindowedTable {

  /** Groups by {@code fields}: the window's alias ({@code $("w")}) and any keys. */
  WindowGroupedTable groupBy(Expression... fields);
}
