package io.spate.cli.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the statements of typed SQL text end: at a semicolon outside string literals, quoted
 * identifiers and comments. The shell asks it whether the lines typed so far finish a statement,
 * and splits what was entered into statements.
 */
final class StatementSplitter {

  private StatementSplitter() {}

  /** Whether {@code text} ends with a finished statement: a top-level {@code ;} with only blanks and comments after it. */
  static boolean isComplete(String text) {
    Scan scan = scan(text);
    return scan.lastSemicolon >= 0 && scan.onlyCommentsAfter;
  }

  /** Whether {@code text} holds nothing but blanks and comments. */
  static boolean isBlank(String text) {
    return stripComments(text).isBlank();
  }

  /**
   * The statements of {@code text}, each without its closing {@code ;} and trimmed; text after the
   * last semicolon that is not blank is returned as a last, unfinished statement.
   */
  static List<String> split(String text) {
    List<String> statements = new ArrayList<>();
    Scan scan = scan(text);
    int start = 0;
    for (int end : scan.semicolons) {
      add(statements, text.substring(start, end));
      start = end + 1;
    }
    add(statements, text.substring(start));
    return statements;
  }

  private static void add(List<String> statements, String statement) {
    if (!isBlank(statement)) {
      statements.add(statement.strip());
    }
  }

  private static String stripComments(String text) {
    StringBuilder out = new StringBuilder();
    Scanner scanner = new Scanner(text);
    for (int i = 0; i < text.length(); i++) {
      if (scanner.step(i) == Region.CODE) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  private static Scan scan(String text) {
    Scan scan = new Scan();
    Scanner scanner = new Scanner(text);
    boolean codeAfterSemicolon = false;
    for (int i = 0; i < text.length(); i++) {
      Region region = scanner.step(i);
      char c = text.charAt(i);
      if (region == Region.CODE && c == ';') {
        scan.semicolons.add(i);
        scan.lastSemicolon = i;
        codeAfterSemicolon = false;
      } else if (region != Region.COMMENT && !Character.isWhitespace(c)) {
        codeAfterSemicolon = true;
      }
    }
    scan.onlyCommentsAfter = !codeAfterSemicolon && scanner.quote == 0 && !scanner.blockComment;
    return scan;
  }

  private static final class Scan {
    final List<Integer> semicolons = new ArrayList<>();
    int lastSemicolon = -1;
    boolean onlyCommentsAfter;
  }

  private enum Region { CODE, QUOTED, COMMENT }

  /** Walks text one character at a time, knowing whether it is inside a literal, a quoted name or a comment. */
  private static final class Scanner {
    private final String text;
    char quote;
    boolean blockComment;
    boolean lineComment;
    private int skipUntil = -1;
    private Region skipped;

    Scanner(String text) {
      this.text = text;
    }

    Region step(int i) {
      char c = text.charAt(i);
      if (i <= skipUntil) {
        return skipped;
      }
      if (lineComment) {
        if (c == '\n') {
          lineComment = false;
        }
        return Region.COMMENT;
      }
      if (blockComment) {
        if (c == '*' && next(i) == '/') {
          blockComment = false;
          skip(i + 1, Region.COMMENT);
        }
        return Region.COMMENT;
      }
      if (quote != 0) {
        if (c == quote) {
          if (next(i) == quote) {
            skip(i + 1, Region.QUOTED); // a doubled quote stands for itself
          } else {
            quote = 0;
          }
        }
        return Region.QUOTED;
      }
      if (c == '-' && next(i) == '-') {
        lineComment = true;
        return Region.COMMENT;
      }
      if (c == '/' && next(i) == '*') {
        blockComment = true;
        skip(i + 1, Region.COMMENT);
        return Region.COMMENT;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        return Region.QUOTED;
      }
      return Region.CODE;
    }

    private void skip(int until, Region region) {
      skipUntil = until;
      skipped = region;
    }

    private char next(int i) {
      return i + 1 < text.length() ? text.charAt(i + 1) : 0;
    }
  }
}
