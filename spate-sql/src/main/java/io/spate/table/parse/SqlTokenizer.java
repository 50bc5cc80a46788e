package io.spate.table.parse;

import io.spate.table.api.SqlParserException;
import io.spate.table.parse.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens, skipping white space and comments ({@code -- ...} to the end of the
 * line, and {@code /* ... *}{@code /}). Positions are counted in the whole script, so that a
 * statement's tokens name the line and column a user sees in their file.
 */
final class SqlTokenizer {

  private static final String[] TWO_CHAR_SYMBOLS = {"<=", ">=", "<>", "!=", "||", "::", "=>"};

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private SqlTokenizer(String text) {
    this.text = text;
  }

  /** Every token of {@code text}, ending with an {@link Kind#END} token. */
  static List<SqlToken> tokenize(String text) {
    return new SqlTokenizer(text).all();
  }

  private List<SqlToken> all() {
    List<SqlToken> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= text.length()) {
        tokens.add(new SqlToken(Kind.END, "", "", pos, pos, line, pos - lineStart + 1));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private SqlToken next() {
    int start = pos;
    int startLine = line;
    int column = pos - lineStart + 1;
    char c = text.charAt(pos);
    if (c == '\'') {
      String value = quoted('\'', "string literal", startLine, column);
      return new SqlToken(Kind.STRING, text.substring(start, pos), value, start, pos, startLine, column);
    }
    if (c == '`') {
      String value = quoted('`', "quoted identifier", startLine, column);
      if (value.isEmpty()) {
        throw new SqlParserException("Empty quoted identifier at line " + startLine + ", column " + column);
      }
      return new SqlToken(Kind.QUOTED_IDENTIFIER, text.substring(start, pos), value, start, pos, startLine, column);
    }
    if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
      number();
      String number = text.substring(start, pos);
      return new SqlToken(Kind.NUMBER, number, number, start, pos, startLine, column);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
          || text.charAt(pos) == '$')) {
        pos++;
      }
      String word = text.substring(start, pos);
      return new SqlToken(Kind.WORD, word, word, start, pos, startLine, column);
    }
    for (String symbol : TWO_CHAR_SYMBOLS) {
      if (text.startsWith(symbol, pos)) {
        pos += 2;
        return new SqlToken(Kind.SYMBOL, symbol, symbol, start, pos, startLine, column);
      }
    }
    if ("(),;.=<>*+-/%|![]{}:?^&~@#".indexOf(c) >= 0) {
      pos++;
      String symbol = String.valueOf(c);
      return new SqlToken(Kind.SYMBOL, symbol, symbol, start, pos, startLine, column);
    }
    throw new SqlParserException("Unexpected character '" + c + "' at line " + startLine + ", column " + column);
  }

  /** Reads a literal in {@code quote}s, a doubled quote standing for one; returns its value. */
  private String quoted(char quote, String what, int startLine, int column) {
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new SqlParserException("Unterminated " + what + " starting at line " + startLine + ", column " + column);
      }
      char c = text.charAt(pos);
      if (c == quote) {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
          value.append(quote);
          pos += 2;
          continue;
        }
        pos++;
        return value.toString();
      }
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      }
      value.append(c);
      pos++;
    }
  }

  private void number() {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int mark = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
      } else {
        pos = mark; // not an exponent: the 'e' starts a word
      }
    }
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("--", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int startLine = line;
        int column = pos - lineStart + 1;
        pos += 2;
        while (pos < text.length() && !text.startsWith("*/", pos)) {
          if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
          }
          pos++;
        }
        if (pos >= text.length()) {
          throw new SqlParserException("Unterminated comment starting at line " + startLine + ", column " + column);
        }
        pos += 2;
      } else {
        return;
      }
    }
  }
}
