package io.spate.connectors.jdbc;

import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsBackpressure;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of {@link JdbcUpsertSink}: records become changes (a row's values, upsert or delete) on
 * the task thread; a {@link BatchingWriterThread} hands batches to its own thread, which keeps the
 * last change of each key and writes them in one transaction, retrying transient failures whole on
 * a new connection if the old one broke. A flush before a checkpoint returns once all is committed.
 */
final class JdbcUpsertWriter<T> implements SinkWriter<T>, SupportsBackpressure {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcUpsertWriter.class);
  static final String NAME = "JdbcUpsertSink";

  /** One record's change: its row's values, and whether it deletes the row of its key. */
  record Change(boolean delete, Object[] values) {}

  /** A key's values, equal by content (arrays such as BYTES keys included). */
  record Key(Object[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
      return Arrays.deepToString(values);
    }
  }

  private final JdbcUpsertSink.Spec spec;
  private final JdbcUpsertSink.ValueExtractor<T> extractor;
  private final JdbcUpsertSink.DeleteFilter<T> deleteFilter;
  private final JdbcExecutionOptions executionOptions;
  private final JdbcConnectionOptions connectionOptions;
  private final JdbcConnector connector;
  private final Duration retryBackoff;
  private final BatchingWriterThread<Change> thread;
  private final String upsertSql;
  /** Whether each field is a key field, for the fallback's UPDATE. */
  private final boolean[] isKey;
  // Used on the writer thread only.
  private Connection connection;
  private PreparedStatement upsert;
  private PreparedStatement update;
  private PreparedStatement insert;
  private PreparedStatement delete;

  JdbcUpsertWriter(JdbcUpsertSink.Spec spec, JdbcUpsertSink.ValueExtractor<T> extractor,
      JdbcUpsertSink.DeleteFilter<T> deleteFilter, JdbcExecutionOptions executionOptions,
      JdbcConnectionOptions connectionOptions, Duration retryBackoff, int subtask) {
    this.spec = spec;
    this.extractor = extractor;
    this.deleteFilter = deleteFilter;
    this.executionOptions = executionOptions;
    this.connectionOptions = connectionOptions;
    this.connector = new JdbcConnector(connectionOptions, NAME);
    this.retryBackoff = retryBackoff;
    this.upsertSql = spec.upsertStatement().orElse(null);
    this.isKey = new boolean[spec.fieldNames().length];
    for (int key : spec.keyIndexes()) {
      isKey[key] = true;
    }
    this.thread = new BatchingWriterThread<>("spate-jdbc-upsert-writer (subtask " + subtask + ")",
        executionOptions.getBatchSize(), Duration.ofMillis(executionOptions.getBatchIntervalMs()),
        2 * executionOptions.getBatchSize(), this::connectWithRetries, this::writeWithRetries);
  }

  @Override
  public void write(T element, Context context) throws IOException {
    Object[] values;
    try {
      values = extractor.values(element);
    } catch (Exception e) {
      throw new IOException(NAME + ": the value extractor failed on record " + element + ": " + e, e);
    }
    if (values == null || values.length != spec.fieldNames().length) {
      throw new IOException(NAME + ": the value extractor gave " + (values == null ? "null" : values.length
          + " values") + " for record " + element + ", but table " + spec.tableName() + " is written with "
          + spec.fieldNames().length + " fields " + Arrays.toString(spec.fieldNames()));
    }
    thread.add(new Change(deleteFilter.isDelete(element), values));
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return thread.isAvailable();
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    thread.flushAndCall(() -> null, JdbcAtLeastOnceWriter.FLUSH_TIMEOUT);
  }

  @Override
  public void close() throws Exception {
    thread.close();
    closeConnection();
  }

  /** The last change of each key of {@code batch}, in the order the keys first came. */
  static Collection<Change> lastChangePerKey(List<Change> batch, int[] keyIndexes) {
    Map<Key, Change> last = new LinkedHashMap<>();
    for (Change change : batch) {
      Object[] key = new Object[keyIndexes.length];
      for (int i = 0; i < key.length; i++) {
        key[i] = change.values()[keyIndexes[i]];
      }
      last.put(new Key(key), change);
    }
    return last.values();
  }

  private Void connectWithRetries() throws Exception {
    JdbcConnections.connectWithRetries(NAME, executionOptions.getMaxRetries(), retryBackoff, LOG, this::openConnection);
    return null;
  }

  private void openConnection() throws SQLException {
    closeConnection();
    Connection c = connector.connect();
    String sql = null;
    try {
      c.setAutoCommit(false);
      if (upsertSql != null) {
        sql = upsertSql;
        upsert = c.prepareStatement(sql);
      } else {
        sql = spec.updateStatement();
        update = c.prepareStatement(sql);
        sql = spec.insertStatement();
        insert = c.prepareStatement(sql);
      }
      sql = spec.deleteStatement();
      delete = c.prepareStatement(sql);
    } catch (SQLException e) {
      JdbcConnections.closeQuietly(c);
      throw new SQLException(NAME + ": cannot prepare the statement '" + sql + "': " + SqlErrors.describe(e),
          e.getSQLState(), e);
    }
    connection = c;
  }

  private void writeWithRetries(List<Change> batch) throws Exception {
    Collection<Change> changes = lastChangePerKey(batch, spec.keyIndexes());
    for (int attempt = 0; ; attempt++) {
      try {
        if (connection == null) {
          openConnection();
        }
        write(changes);
        return;
      } catch (SQLException e) {
        rollbackQuietly();
        if (!SqlErrors.isTransient(e)) {
          throw new IOException(NAME + ": writing " + changes.size() + " changes into " + spec.tableName()
              + " failed: " + SqlErrors.describe(e), e);
        }
        if (attempt >= executionOptions.getMaxRetries()) {
          throw new IOException(NAME + ": writing " + changes.size() + " changes into " + spec.tableName()
              + " failed " + (attempt + 1) + " times, the last time with: " + SqlErrors.describe(e), e);
        }
        LOG.warn("{}: writing {} changes failed (attempt {} of {}), trying again: {}", NAME, changes.size(),
            attempt + 1, executionOptions.getMaxRetries() + 1, SqlErrors.describe(e));
        if (!isConnectionValid()) {
          closeConnection(); // the next attempt connects again
        }
        JdbcConnections.backOff(retryBackoff, attempt);
      }
    }
  }

  private void write(Collection<Change> changes) throws SQLException {
    boolean upserts = false;
    boolean deletes = false;
    for (Change change : changes) {
      if (change.delete()) {
        setKey(delete, change.values(), 1);
        delete.addBatch();
        deletes = true;
      } else if (upsert != null) {
        Object[] values = change.values();
        for (int i = 0; i < values.length; i++) {
          spec.setters()[i].set(upsert, i + 1, values[i]);
        }
        upsert.addBatch();
        upserts = true;
      } else {
        updateOrInsert(change.values());
      }
    }
    // Each key is in one statement only, so the order of the two batches does not matter.
    if (upserts) {
      upsert.executeBatch();
    }
    if (deletes) {
      delete.executeBatch();
    }
    connection.commit();
  }

  private void updateOrInsert(Object[] values) throws SQLException {
    int parameter = 1;
    for (int i = 0; i < values.length; i++) {
      if (!isKey[i]) {
        spec.setters()[i].set(update, parameter++, values[i]);
      }
    }
    setKey(update, values, parameter);
    if (update.executeUpdate() == 0) {
      for (int i = 0; i < values.length; i++) {
        spec.setters()[i].set(insert, i + 1, values[i]);
      }
      insert.executeUpdate();
    }
  }

  private void setKey(PreparedStatement statement, Object[] values, int firstParameter) throws SQLException {
    int[] keys = spec.keyIndexes();
    for (int i = 0; i < keys.length; i++) {
      spec.setters()[keys[i]].set(statement, firstParameter + i, values[keys[i]]);
    }
  }

  private boolean isConnectionValid() {
    return JdbcConnections.isValid(connection, connectionOptions.getConnectionCheckTimeoutSeconds());
  }

  private void rollbackQuietly() {
    JdbcConnections.rollbackQuietly(connection, upsert, delete);
  }

  private void closeConnection() {
    upsert = null;
    update = null;
    insert = null;
    delete = null;
    if (connection != null) {
      JdbcConnections.closeQuietly(connection);
      connection = null;
    }
  }
}
