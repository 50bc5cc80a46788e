package io.spate.connectors.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads SQL exceptions: one line that says everything, and whether trying again may help. */
final class SqlErrors {

  private SqlErrors() {}

  /**
   * The exception's message with those of its chained exceptions (a batch's first failing
   * statement hides the reason there) and its SQLState.
   */
  static String describe(SQLException e) {
    Set<String> parts = new LinkedHashSet<>();
    int bound = 0;
    for (SQLException next = e; next != null && bound < 5; next = next.getNextException(), bound++) {
      if (next.getMessage() != null) {
        parts.add(next.getMessage().strip());
      }
    }
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && parts.isEmpty()) {
      parts.add(cause.getMessage());
    }
    String message = String.join("; ", parts);
    return e.getSQLState() != null ? message + " (SQLState " + e.getSQLState() + ")" : message;
  }

  /**
   * Whether the error may pass by itself: a broken or refused connection (SQLState class 08), a
   * transaction rollback such as a serialization failure or deadlock (40), a resource shortage (53),
   * an operator intervention such as a terminated connection or a shutting-down server (57), a
   * system error (58), or an exception the driver marks as transient or recoverable. Syntax errors,
   * missing tables and columns, constraint violations and bad data are not.
   */
  static boolean isTransient(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next instanceof SQLNonTransientException) {
        return false;
      }
      if (next instanceof SQLTransientException || next instanceof SQLRecoverableException) {
        return true;
      }
      String state = next.getSQLState();
      if (state != null && state.length() >= 2) {
        switch (state.substring(0, 2)) {
          case "08", "40", "53", "57", "58" -> {
            return true;
          }
          default -> { }
        }
      }
    }
    return false;
  }
}
