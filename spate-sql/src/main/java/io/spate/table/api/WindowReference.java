package io.spate.table.api;

import io.spate.api.annotation.Internal;
import io.spate.table.expressions.SqlLiterals;

/**
 * How a window property ({@code $("w").start()}) stays recognisable in an expression's SQL until the
 * windowed {@code select} replaces it with the window's column.
 */
@Internal
public final class WindowReference {

  /** Marks the SQL of a window property; not valid SQL, so a property used outside a window fails. */
  static final String PREFIX = "$window:";

  private WindowReference() {}

  /** {@code sql} with the properties of window {@code alias} replaced by the window's columns. */
  public static String resolve(String sql, String alias) {
    return sql.replace(PREFIX + SqlLiterals.identifier(alias) + ".", "");
  }

  /** Fails, naming the property, if {@code sql} still has a window property. */
  public static void checkResolved(String sql) {
    int at = sql.indexOf(PREFIX);
    if (at >= 0) {
      String rest = sql.substring(at + PREFIX.length());
      String property = rest.split("[ ,)]", 2)[0];
      throw new ValidationException("The window property " + property + " names no window of this select; define"
          + " the window with window(Tumble.over(...).on(...).as(\"w\")) and refer to it by that name");
    }
  }
}
