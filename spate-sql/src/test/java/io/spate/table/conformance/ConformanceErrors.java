package io.spate.table.conformance;

import java.util.Set;

/** How the corpus writes an error down, and what it takes for Spate's error to count as clear. */
final class ConformanceErrors {

  /** Exceptions that say a bug happened, not what was wrong with the statement. */
  private static final Set<String> BUGS = Set.of(
      NullPointerException.class.getName(), ClassCastException.class.getName(),
      IndexOutOfBoundsException.class.getName(), ArrayIndexOutOfBoundsException.class.getName(),
      StringIndexOutOfBoundsException.class.getName(), StackOverflowError.class.getName(),
      NoSuchMethodError.class.getName(), AssertionError.class.getName());

  private ConformanceErrors() {}

  /**
   * {@code class: first line of the message}, the form of an expected file's {@code error:} line; when the
   * root cause is an exception that means a bug, it follows as {@code (caused by class: message)}.
   */
  static String summary(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String summary = firstLine(e);
    return root != e && BUGS.contains(root.getClass().getName()) ? summary + " (caused by " + firstLine(root) + ")" : summary;
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    int newline = message.indexOf('\n');
    return e.getClass().getName() + ": " + (newline < 0 ? message : message.substring(0, newline));
  }

  /** Whether a summary names a user's mistake in words: a message, and no exception that means a bug. */
  static boolean isClear(String summary) {
    int colon = summary.indexOf(": ");
    String message = colon < 0 ? "" : summary.substring(colon + 2).strip();
    return BUGS.stream().noneMatch(summary::contains) && message.length() >= 10;
  }
}
