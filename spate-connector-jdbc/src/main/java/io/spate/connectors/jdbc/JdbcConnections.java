package io.spate.connectors.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** The connection chores the JDBC sink writers share: connecting with retries, backing off, rolling back, closing. */
final class JdbcConnections {

  /** Opens a connection; a transient {@link SQLException} is retried. */
  @FunctionalInterface
  interface Opener {
    void open() throws SQLException;
  }

  private JdbcConnections() {}

  /**
   * Runs {@code opener} until it succeeds, retrying transient failures up to {@code maxRetries} times
   * with {@link #backOff}; a permanent failure, or the last one, is an {@link IOException}.
   */
  static void connectWithRetries(String sinkName, int maxRetries, Duration backoff, Logger log, Opener opener)
      throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        opener.open();
        return;
      } catch (SQLException e) {
        if (!SqlErrors.isTransient(e) || attempt >= maxRetries) {
          throw new IOException(e.getMessage(), e);
        }
        log.warn("{}: connecting failed (attempt {} of {}), trying again: {}", sinkName, attempt + 1,
            maxRetries + 1, e.getMessage());
        backOff(backoff, attempt);
      }
    }
  }

  /** Waits before retry {@code attempt} + 1: the back-off grows linearly with the attempts. */
  static void backOff(Duration backoff, int attempt) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(backoff.toMillis() * (attempt + 1));
  }

  /** Whether {@code connection} is open and answers within {@code timeoutSeconds}. */
  static boolean isValid(Connection connection, int timeoutSeconds) {
    try {
      return connection != null && connection.isValid(timeoutSeconds);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Drops the batches of {@code statements} and rolls {@code connection} back, ignoring a broken connection. */
  static void rollbackQuietly(Connection connection, PreparedStatement... statements) {
    try {
      for (PreparedStatement statement : statements) {
        if (statement != null) {
          statement.clearBatch();
        }
      }
      if (connection != null) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // The connection is broken: the retry's validity check replaces it.
    }
  }

  /** Closes {@code connection}, ignoring the failure of a broken one: there is nothing left to release. */
  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a broken connection fails.
    }
  }
}
