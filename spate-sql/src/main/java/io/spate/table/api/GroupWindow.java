package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.Expression;

/**
 * A group window of the Table API ({@link Tumble}, {@link Slide}), named by its alias for
 * {@code groupBy($("w"), ...)} and for its properties {@code $("w").start()}/{@code end()}/{@code rowtime()}.
 * Spate runs it as the window table function of the same kind.
 */
@PublicEvolving
public abstract class GroupWindow {

  private final String alias;
  private final Expression timeField;

  GroupWindow(String alias, Expression timeField) {
    this.alias = alias;
    this.timeField = timeField;
  }

  /** The window's name. */
  public String getAlias() {
    return alias;
  }

  /** The time attribute that places rows in windows. */
  public Expression getTimeField() {
    return timeField;
  }

  /** The window table function call over the table {@code table} (a quoted name), such as {@code TUMBLE(TABLE t, DESCRIPTOR(ts), ...)}. */
  public abstract String tableFunction(String table);
}
