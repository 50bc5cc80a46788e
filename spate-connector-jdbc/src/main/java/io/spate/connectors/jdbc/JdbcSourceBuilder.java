package io.spate.connectors.jdbc;

import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.jdbc.split.JdbcParameterValuesProvider;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Builds a {@link JdbcSource} (Flink's {@code JdbcSourceBuilder}): the query, the connection, how a
 * row becomes a record, and optionally the parameters that split the query.
 *
 * @param <T> the record type
 */
public final class JdbcSourceBuilder<T> {

  private String sql;
  private String url;
  private String driverName;
  private String username;
  private String password;
  private int connectionCheckTimeoutSeconds = 60;
  private ResultExtractor<T> extractor;
  private TypeInformation<T> type;
  private JdbcParameterValuesProvider parameters;
  private int fetchSize = 1_000;
  private int splitReaderFetchBatchSize = 1_024;
  private boolean autoCommit;

  JdbcSourceBuilder() {}

  /** The query; with a parameter provider, its {@code ?} placeholders take each split's values. */
  public JdbcSourceBuilder<T> setSql(String sql) {
    this.sql = sql;
    return this;
  }

  /** The JDBC URL. */
  public JdbcSourceBuilder<T> setDBUrl(String url) {
    this.url = url;
    return this;
  }

  /** The driver class to load; optional with JDBC 4 drivers. */
  public JdbcSourceBuilder<T> setDriverName(String driverName) {
    this.driverName = driverName;
    return this;
  }

  /** The user to connect as. */
  public JdbcSourceBuilder<T> setUsername(String username) {
    this.username = username;
    return this;
  }

  /** The user's password. */
  public JdbcSourceBuilder<T> setPassword(String password) {
    this.password = password;
    return this;
  }

  /** Seconds a connection check may take (60 by default). */
  public JdbcSourceBuilder<T> setConnectionCheckTimeoutSeconds(int seconds) {
    this.connectionCheckTimeoutSeconds = seconds;
    return this;
  }

  /** How a row becomes a record. */
  public JdbcSourceBuilder<T> setResultExtractor(ResultExtractor<T> extractor) {
    this.extractor = extractor;
    return this;
  }

  /** The records' type. */
  public JdbcSourceBuilder<T> setTypeInformation(TypeInformation<T> type) {
    this.type = type;
    return this;
  }

  /** The placeholder values of each split, such as a {@code JdbcNumericBetweenParametersProvider}. */
  public JdbcSourceBuilder<T> setJdbcParameterValuesProvider(JdbcParameterValuesProvider parameters) {
    this.parameters = parameters;
    return this;
  }

  /** Rows the driver fetches per round trip ({@code Statement.setFetchSize}, 1000 by default). */
  public JdbcSourceBuilder<T> setResultSetFetchSize(int fetchSize) {
    this.fetchSize = fetchSize;
    return this;
  }

  /** Records the fetcher thread hands over at once (1024 by default). */
  public JdbcSourceBuilder<T> setSplitReaderFetchBatchSize(int batchSize) {
    this.splitReaderFetchBatchSize = batchSize;
    return this;
  }

  /**
   * Whether the queries run with auto-commit (false by default: in a read-only transaction, in which
   * PostgreSQL streams rows by a cursor, fetch size at a time; with auto-commit it sends all at once).
   */
  public JdbcSourceBuilder<T> setAutoCommit(boolean autoCommit) {
    this.autoCommit = autoCommit;
    return this;
  }

  /** The source; fails naming what is missing or inconsistent. */
  public JdbcSource<T> build() {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("JdbcSource: the query is missing (setSql)");
    }
    if (extractor == null) {
      throw new IllegalArgumentException("JdbcSource: the result extractor is missing (setResultExtractor)");
    }
    if (type == null) {
      throw new IllegalArgumentException("JdbcSource: the type information is missing (setTypeInformation)");
    }
    if (fetchSize < 0 || splitReaderFetchBatchSize < 1) {
      throw new IllegalArgumentException("JdbcSource: the fetch size must not be negative and the fetch batch size"
          + " must be positive, not " + fetchSize + " and " + splitReaderFetchBatchSize);
    }
    JdbcConnectionOptions connection = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(url).withDriverName(driverName).withUsername(username).withPassword(password)
        .withConnectionCheckTimeoutSeconds(connectionCheckTimeoutSeconds).build();
    Serializable[][] values = parameters == null ? new Serializable[][] {{}} : parameters.getParameterValues();
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("JdbcSource: the parameter provider gave no parameters: a source needs at"
          + " least one split");
    }
    int placeholders = countPlaceholders(sql);
    for (int i = 0; i < values.length; i++) {
      int given = values[i] == null ? 0 : values[i].length;
      if (given != placeholders) {
        throw new IllegalArgumentException("JdbcSource: the query '" + sql + "' has " + placeholders
            + " placeholders, but split " + i + " has " + given + " parameters " + Arrays.toString(values[i]));
      }
    }
    return new JdbcSource<>(sql, connection, extractor, type, values, fetchSize, splitReaderFetchBatchSize, autoCommit);
  }

  /** The {@code ?} placeholders outside quotes and comments. */
  static int countPlaceholders(String sql) {
    int count = 0;
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (single) {
        single = c != '\'';
      } else if (dbl) {
        dbl = c != '"';
      } else if (c == '\'') {
        single = true;
      } else if (c == '"') {
        dbl = true;
      } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
      } else if (c == '?') {
        if (i + 1 < sql.length() && (sql.charAt(i + 1) == '?' || sql.charAt(i + 1) == '|'
            || sql.charAt(i + 1) == '&')) {
          i++; // PostgreSQL's JSON operators ??, ?| and ?& written for JDBC
        } else {
          count++;
        }
      }
    }
    return count;
  }
}
