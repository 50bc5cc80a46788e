package io.spate.connectors.jdbc;

import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsBackpressure;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of {@link JdbcSink#sink}: batches run on a {@link BatchingWriterThread}, each in a
 * transaction of its own on one connection; a batch that fails with a transient error is retried
 * whole, on a new connection if the old one broke. Flushing before a checkpoint waits until every
 * record is committed, so the sink is at least once.
 */
final class JdbcAtLeastOnceWriter<T> implements SinkWriter<T>, SupportsBackpressure {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcAtLeastOnceWriter.class);
  static final String NAME = "JdbcSink";
  /** How long a flush waits for the database; retries with back-off may take a while. */
  static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(5);

  private final String sql;
  private final JdbcStatementBuilder<T> statementBuilder;
  private final JdbcExecutionOptions executionOptions;
  private final JdbcConnectionOptions connectionOptions;
  private final JdbcConnector connector;
  private final Duration retryBackoff;
  private final BatchingWriterThread<T> thread;
  // Used on the writer thread only.
  private Connection connection;
  private PreparedStatement statement;

  JdbcAtLeastOnceWriter(String sql, JdbcStatementBuilder<T> statementBuilder, JdbcExecutionOptions executionOptions,
      JdbcConnectionOptions connectionOptions, Duration retryBackoff, int subtask) {
    this.sql = sql;
    this.statementBuilder = statementBuilder;
    this.executionOptions = executionOptions;
    this.connectionOptions = connectionOptions;
    this.connector = new JdbcConnector(connectionOptions, NAME);
    this.retryBackoff = retryBackoff;
    this.thread = new BatchingWriterThread<>("spate-jdbc-sink-writer (subtask " + subtask + ")",
        executionOptions.getBatchSize(), Duration.ofMillis(executionOptions.getBatchIntervalMs()),
        2 * executionOptions.getBatchSize(), this::connectWithRetries, this::executeWithRetries);
  }

  @Override
  public void write(T element, Context context) throws IOException {
    thread.add(element);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return thread.isAvailable();
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    thread.flushAndCall(() -> null, FLUSH_TIMEOUT);
  }

  @Override
  public void close() throws Exception {
    thread.close();
    closeConnection();
  }

  private Void connectWithRetries() throws Exception {
    JdbcConnections.connectWithRetries(NAME, executionOptions.getMaxRetries(), retryBackoff, LOG, this::openConnection);
    return null;
  }

  private void openConnection() throws SQLException {
    closeConnection();
    Connection c = connector.connect();
    try {
      c.setAutoCommit(false);
      statement = c.prepareStatement(sql);
    } catch (SQLException e) {
      JdbcConnections.closeQuietly(c);
      throw new SQLException(NAME + ": cannot prepare the statement '" + sql + "': " + SqlErrors.describe(e),
          e.getSQLState(), e);
    }
    connection = c;
  }

  private void executeWithRetries(List<T> batch) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        if (connection == null) {
          openConnection();
        }
        execute(batch);
        return;
      } catch (SQLException e) {
        rollbackQuietly();
        if (!SqlErrors.isTransient(e)) {
          throw new IOException(NAME + ": executing '" + sql + "' for a batch of " + batch.size()
              + " records failed: " + SqlErrors.describe(e), e);
        }
        if (attempt >= executionOptions.getMaxRetries()) {
          throw new IOException(NAME + ": a batch of " + batch.size() + " records failed " + (attempt + 1)
              + " times, the last time with: " + SqlErrors.describe(e), e);
        }
        LOG.warn("{}: a batch of {} records failed (attempt {} of {}), trying again: {}", NAME, batch.size(),
            attempt + 1, executionOptions.getMaxRetries() + 1, SqlErrors.describe(e));
        if (!isConnectionValid()) {
          closeConnection(); // the next attempt connects again
        }
        JdbcConnections.backOff(retryBackoff, attempt);
      }
    }
  }

  private void execute(List<T> batch) throws SQLException, IOException {
    for (int i = 0; i < batch.size(); i++) {
      T record = batch.get(i);
      try {
        statementBuilder.accept(statement, record);
      } catch (SQLException | RuntimeException e) {
        if (e instanceof SQLException sql && SqlErrors.isTransient(sql)) {
          throw sql;
        }
        throw new IOException(NAME + ": the statement builder failed on record " + record + " (#" + i
            + " of a batch of " + batch.size() + ") for '" + sql + "': " + e, e);
      }
      statement.addBatch();
    }
    statement.executeBatch();
    connection.commit();
  }

  private boolean isConnectionValid() {
    return JdbcConnections.isValid(connection, connectionOptions.getConnectionCheckTimeoutSeconds());
  }

  private void rollbackQuietly() {
    JdbcConnections.rollbackQuietly(connection, statement);
  }

  private void closeConnection() {
    statement = null;
    if (connection != null) {
      JdbcConnections.closeQuietly(connection);
      connection = null;
    }
  }
}
