package io.spate.table.parse;

import io.spate.api.annotation.Internal;

/**
 * A piece of a SQL script (a statement, a query, an expression or a type) and the line and column
 * where it starts in the script, so that errors found later, by Calcite's parser or the type
 * parser, can name the place the user wrote.
 */
@Internal
public record SqlText(String text, int line, int column) {

  /**
   * The text preceded by as many line breaks and spaces as put it at its place in the script: a
   * parser that reads it reports the script's lines and columns.
   */
  public String atScriptPosition() {
    return "\n".repeat(line - 1) + " ".repeat(column - 1) + text;
  }

  /** "line L, column C" of the place {@code offset} characters into this text. */
  public String positionOf(int offset) {
    int l = line;
    int c = column;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        l++;
        c = 1;
      } else {
        c++;
      }
    }
    return "line " + l + ", column " + c;
  }

  @Override
  public String toString() {
    return text;
  }
}
