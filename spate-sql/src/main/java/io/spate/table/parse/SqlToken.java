package io.spate.table.parse;

/**
 * One token of a SQL script: its kind, its text as written, its value (an identifier without its
 * back quotes, a string literal without its quotes and with doubled quotes undone) and where it
 * starts and ends in the script (offsets into the script's text, and the 1-based line and column of
 * its first character).
 */
record SqlToken(Kind kind, String text, String value, int start, int end, int line, int column) {

  /** The kinds of tokens. */
  enum Kind {
    /** A word: a keyword or an unquoted identifier. */
    WORD,
    /** An identifier in back quotes. */
    QUOTED_IDENTIFIER,
    /** A string literal in single quotes. */
    STRING,
    /** A number literal. */
    NUMBER,
    /** An operator or punctuation: {@code ( ) , ; . = < > * + - / % | !} and their pairs. */
    SYMBOL,
    /** The end of the script. */
    END
  }

  /** Whether this token is the word {@code keyword}, in any case. */
  boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  /** Whether this token is the symbol {@code symbol}. */
  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** Whether this token names something: a word or a quoted identifier. */
  boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
  }

  /** "line L, column C", for messages. */
  String position() {
    return "line " + line + ", column " + column;
  }

  /** The token as a message shows it. */
  String describe() {
    return kind == Kind.END ? "the end of the statement" : "'" + text + "'";
  }
}
