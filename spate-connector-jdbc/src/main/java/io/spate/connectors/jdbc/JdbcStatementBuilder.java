package io.spate.connectors.jdbc;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sets the parameters of a prepared statement from one record (Flink's {@code JdbcStatementBuilder}):
 * {@code (statement, record) -> statement.setLong(1, record.id())}.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface JdbcStatementBuilder<T> extends Serializable {

  /** Sets {@code statement}'s parameters from {@code record}. */
  void accept(PreparedStatement statement, T record) throws SQLException;
}
