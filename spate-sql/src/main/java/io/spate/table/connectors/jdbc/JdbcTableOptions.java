package io.spate.table.connectors.jdbc;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.ReadableConfig;
import io.spate.connectors.jdbc.JdbcConnectionOptions;
import io.spate.connectors.jdbc.dialect.JdbcDialect;
import io.spate.connectors.jdbc.dialect.JdbcDialects;
import io.spate.table.api.ValidationException;
import java.io.Serializable;
import java.time.Duration;

/**
 * The connection of a {@code jdbc} table, checked: its URL's dialect, the table name and how to log
 * in (a user and a password together or neither).
 *
 * @param table the SQL table's name, for messages
 * @param tableName the table in the database
 * @param dialect the dialect of the URL
 * @param connection where and as whom to connect
 */
@Internal
record JdbcTableOptions(String table, String tableName, JdbcDialect dialect, JdbcConnectionOptions connection)
    implements Serializable {

  static JdbcTableOptions of(ReadableConfig options, String table) {
    String url = options.get(JdbcConnectorOptions.URL);
    JdbcDialect dialect;
    try {
      dialect = JdbcDialects.forUrl(url);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("Table " + table + ": " + e.getMessage());
    }
    String user = options.getOptional(JdbcConnectorOptions.USERNAME).orElse(null);
    String password = options.getOptional(JdbcConnectorOptions.PASSWORD).orElse(null);
    if ((user == null) != (password == null)) {
      throw new ValidationException("Table " + table + ": either all or none of the options 'username' and"
          + " 'password' must be given, not only '" + (user == null ? "password" : "username") + "'");
    }
    Duration checkTimeout = options.get(JdbcConnectorOptions.CONNECTION_MAX_RETRY_TIMEOUT);
    if (checkTimeout.toSeconds() < 1) {
      throw new ValidationException("Table " + table + ": 'connection.max-retry-timeout' must be at least 1 s, not "
          + checkTimeout);
    }
    String tableName = options.get(JdbcConnectorOptions.TABLE_NAME);
    if (tableName.isBlank()) {
      throw new ValidationException("Table " + table + ": 'table-name' is empty");
    }
    JdbcConnectionOptions connection = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(url)
        .withDriverName(options.getOptional(JdbcConnectorOptions.DRIVER).orElse(dialect.defaultDriverName()))
        .withUsername(user)
        .withPassword(password)
        .withConnectionCheckTimeoutSeconds((int) checkTimeout.toSeconds())
        .build();
    return new JdbcTableOptions(table, tableName, dialect, connection);
  }
}
