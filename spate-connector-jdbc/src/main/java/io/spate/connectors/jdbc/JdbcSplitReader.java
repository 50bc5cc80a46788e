package io.spate.connectors.jdbc;

import io.spate.connectors.base.RecordsBySplits;
import io.spate.connectors.base.SplitReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link JdbcSource}'s split queries on a fetcher thread, one split at a time: it executes the
 * query with the split's parameters, skips the rows a restored split had emitted already, and hands
 * over up to {@code fetchBatchSize} records per fetch.
 */
final class JdbcSplitReader<T> implements SplitReader<T, JdbcSourceSplit> {

  private final String sql;
  private final ResultExtractor<T> extractor;
  private final JdbcConnector connector;
  private final int fetchSize;
  private final int fetchBatchSize;
  private final boolean autoCommit;
  private final ArrayDeque<JdbcSourceSplit> splits = new ArrayDeque<>();
  private Connection connection;
  private PreparedStatement statement;
  private ResultSet rows;
  private JdbcSourceSplit current;
  private long rowNumber;

  JdbcSplitReader(String sql, ResultExtractor<T> extractor, JdbcConnectionOptions options, int fetchSize,
      int fetchBatchSize, boolean autoCommit) {
    this.sql = sql;
    this.autoCommit = autoCommit;
    this.extractor = extractor;
    this.connector = new JdbcConnector(options, JdbcSource.NAME);
    this.fetchSize = fetchSize;
    this.fetchBatchSize = fetchBatchSize;
  }

  @Override
  public void addSplits(List<JdbcSourceSplit> added) {
    splits.addAll(added);
  }

  @Override
  public RecordsBySplits<T> fetch() throws Exception {
    RecordsBySplits.Builder<T> batch = RecordsBySplits.builder();
    if (current == null) {
      current = splits.poll();
      if (current == null) {
        return batch.build();
      }
      open(current);
    }
    String splitId = current.splitId();
    try {
      while (batch.size() < fetchBatchSize) {
        if (!rows.next()) {
          closeQuery();
          batch.finish(splitId);
          current = null;
          break;
        }
        rowNumber++;
        T record;
        try {
          record = extractor.extract(rows);
        } catch (SQLException | RuntimeException e) {
          throw new IOException(JdbcSource.NAME + ": the result extractor failed on row " + rowNumber + " of "
              + describe(current) + ": " + e, e);
        }
        if (record == null) {
          throw new IOException(JdbcSource.NAME + ": the result extractor returned null for row " + rowNumber + " of "
              + describe(current));
        }
        batch.add(splitId, record);
      }
    } catch (SQLException e) {
      throw new IOException(JdbcSource.NAME + ": reading " + describe(current) + " failed at row " + rowNumber + ": "
          + SqlErrors.describe(e), e);
    }
    return batch.build();
  }

  private void open(JdbcSourceSplit split) throws IOException {
    try {
      if (connection == null) {
        connection = connector.connect();
        // Without auto-commit PostgreSQL streams the rows with a cursor, fetchSize at a time.
        connection.setAutoCommit(autoCommit);
        connection.setReadOnly(true);
      }
      statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(fetchSize);
      Object[] parameters = split.parameters();
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      rows = statement.executeQuery();
      rowNumber = 0;
      for (long skipped = 0; skipped < split.offset(); skipped++) {
        if (!rows.next()) {
          throw new IOException(JdbcSource.NAME + ": " + describe(split) + " returned " + skipped + " rows, but the"
              + " restored split had emitted " + split.offset() + ": the query's result changed since the checkpoint");
        }
        rowNumber++;
      }
    } catch (SQLException e) {
      throw new IOException(JdbcSource.NAME + ": cannot run " + describe(split) + ": " + SqlErrors.describe(e), e);
    }
  }

  private String describe(JdbcSourceSplit split) {
    return "split " + split.splitId() + " ('" + sql + "' with parameters " + Arrays.toString(split.parameters())
        + ")";
  }

  private void closeQuery() throws SQLException {
    try {
      if (rows != null) {
        rows.close();
      }
      if (statement != null) {
        statement.close();
      }
      if (!autoCommit) {
        connection.commit(); // ends the read transaction and its cursor
      }
    } finally {
      rows = null;
      statement = null;
    }
  }

  @Override
  public void wakeUp() {
    // A fetch returns after at most fetchBatchSize rows; it never waits for data that may come.
  }

  @Override
  public void close() throws Exception {
    if (connection != null) {
      try {
        connection.close();
      } finally {
        connection = null;
      }
    }
  }
}
