package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/** A table with over windows ({@code table.window(Over...as("w"))}), to aggregate over them with {@link #select}. */
@PublicEvolving
public interface OverWindowedTable {

  /** One row per row: its fields and aggregates over the windows, such as {@code $("v").sum().over($("w"))}. */
  Table select(Expression... fields);
}
