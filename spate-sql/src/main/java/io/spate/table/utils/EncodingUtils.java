package io.spate.table.utils;

import io.spate.api.annotation.Internal;

/** Quoting of names and texts in type strings and SQL: identifiers in backquotes, texts in single quotes. */
@Internal
public final class EncodingUtils {

  private EncodingUtils() {}

  /** {@code name} in backquotes, a backquote inside doubled: {@code a`b} becomes {@code `a``b`}. */
  public static String escapeIdentifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** {@code text} with every single quote doubled, ready to stand between single quotes. */
  public static String escapeSingleQuotes(String text) {
    return text.replace("'", "''");
  }
}
