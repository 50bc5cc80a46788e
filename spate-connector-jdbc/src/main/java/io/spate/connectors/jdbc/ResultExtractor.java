package io.spate.connectors.jdbc;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Makes one record of the current row of a result set (Flink's {@code ResultExtractor}):
 * {@code rs -> new Book(rs.getLong("id"), rs.getString("title"))}. It must not move the cursor.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface ResultExtractor<T> extends Serializable {

  /** The record of the row the cursor is on. */
  T extract(ResultSet resultSet) throws SQLException;
}
