package io.spate.connectors.jdbc.dialect;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL a database speaks for the statements a connector generates (Flink's {@code JdbcDialect}):
 * inserts, updates, deletes, key lookups and, where the database has one, a single-statement upsert.
 * {@link JdbcDialects#forUrl} picks the dialect of a JDBC URL.
 */
@PublicEvolving
public interface JdbcDialect extends Serializable {

  /** The dialect's name for messages, such as {@code PostgreSQL}. */
  String dialectName();

  /** The driver class of the database's usual JDBC driver, loaded when a table names no driver. */
  String defaultDriverName();

  /** {@code identifier} as it goes into a statement; as it is by default (unquoted names fold as the database folds them). */
  default String quoteIdentifier(String identifier) {
    return identifier;
  }

  /**
   * A statement that inserts a row of {@code fieldNames} (parameters in that order) or, if a row
   * with the same {@code uniqueKeyFields} exists, updates it; empty if the database has none, in
   * which case writers fall back to an {@code UPDATE} followed by an {@code INSERT} when nothing was updated.
   */
  Optional<String> getUpsertStatement(String tableName, String[] fieldNames, String[] uniqueKeyFields);

  /** {@code INSERT INTO table (fields) VALUES (?, ...)}. */
  default String getInsertIntoStatement(String tableName, String[] fieldNames) {
    String columns = Arrays.stream(fieldNames).map(this::quoteIdentifier).collect(Collectors.joining(", "));
    String placeholders = Arrays.stream(fieldNames).map(f -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO " + quoteIdentifier(tableName) + " (" + columns + ") VALUES (" + placeholders + ")";
  }

  /** {@code UPDATE table SET field = ?, ... WHERE condition = ? AND ...}: the set fields' parameters first. */
  default String getUpdateStatement(String tableName, String[] fieldNames, String[] conditionFields) {
    String set = Arrays.stream(fieldNames).map(f -> quoteIdentifier(f) + " = ?").collect(Collectors.joining(", "));
    return "UPDATE " + quoteIdentifier(tableName) + " SET " + set + " WHERE " + conditions(conditionFields);
  }

  /** {@code DELETE FROM table WHERE condition = ? AND ...}. */
  default String getDeleteStatement(String tableName, String[] conditionFields) {
    return "DELETE FROM " + quoteIdentifier(tableName) + " WHERE " + conditions(conditionFields);
  }

  /**
   * {@code SELECT fields FROM table WHERE condition = ? AND ...}; without condition fields, every
   * row.
   */
  default String getSelectFromStatement(String tableName, String[] selectFields, String[] conditionFields) {
    String columns = Arrays.stream(selectFields).map(this::quoteIdentifier).collect(Collectors.joining(", "));
    String select = "SELECT " + columns + " FROM " + quoteIdentifier(tableName);
    return conditionFields.length == 0 ? select : select + " WHERE " + conditions(conditionFields);
  }

  /** {@code a = ? AND b = ?} of {@code fields}. */
  private String conditions(String[] fields) {
    return Arrays.stream(fields).map(f -> quoteIdentifier(f) + " = ?").collect(Collectors.joining(" AND "));
  }
}
