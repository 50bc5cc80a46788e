package io.spate.connectors.jdbc;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom a JDBC sink or lookup connects: URL, optional driver class, user and password,
 * and how long a connection check may take (Flink's {@code JdbcConnectionOptions}).
 */
public class JdbcConnectionOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String url;
  private final String driverName;
  private final String username;
  private final String password;
  private final int connectionCheckTimeoutSeconds;

  /** Options with the given values; {@link JdbcConnectionOptionsBuilder} is the usual way to make them. */
  protected JdbcConnectionOptions(String url, String driverName, String username, String password,
      int connectionCheckTimeoutSeconds) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("JdbcConnectionOptions: the JDBC URL is missing (withUrl)");
    }
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("JdbcConnectionOptions: the URL '" + url + "' is not a JDBC URL: it must"
          + " start with 'jdbc:', as in jdbc:postgresql://host:5432/database");
    }
    if (connectionCheckTimeoutSeconds <= 0) {
      throw new IllegalArgumentException("JdbcConnectionOptions: the connection check timeout must be positive, not "
          + connectionCheckTimeoutSeconds + " s");
    }
    this.url = url;
    this.driverName = driverName;
    this.username = username;
    this.password = password;
    this.connectionCheckTimeoutSeconds = connectionCheckTimeoutSeconds;
  }

  /** The JDBC URL. */
  public String getDbURL() {
    return url;
  }

  /** The driver class to load before connecting, or null to let {@code DriverManager} find one by URL. */
  public String getDriverName() {
    return driverName;
  }

  /** The user, if one was given. */
  public Optional<String> getUsername() {
    return Optional.ofNullable(username);
  }

  /** The password, if one was given. */
  public Optional<String> getPassword() {
    return Optional.ofNullable(password);
  }

  /** Seconds a check that a connection still works ({@code Connection.isValid}) may take. */
  public int getConnectionCheckTimeoutSeconds() {
    return connectionCheckTimeoutSeconds;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JdbcConnectionOptions that && url.equals(that.url)
        && Objects.equals(driverName, that.driverName) && Objects.equals(username, that.username)
        && Objects.equals(password, that.password)
        && connectionCheckTimeoutSeconds == that.connectionCheckTimeoutSeconds;
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, driverName, username, connectionCheckTimeoutSeconds);
  }

  @Override
  public String toString() {
    return "JdbcConnectionOptions{url=" + url + ", driver=" + driverName + ", user=" + username + "}";
  }

  /** Builds {@link JdbcConnectionOptions}; only the URL is required. */
  public static class JdbcConnectionOptionsBuilder {
    private String url;
    private String driverName;
    private String username;
    private String password;
    private int connectionCheckTimeoutSeconds = 60;

    /** A builder with no URL yet and a connection check timeout of 60 s. */
    public JdbcConnectionOptionsBuilder() {}

    /** The JDBC URL, such as {@code jdbc:postgresql://127.0.0.1:5432/shop}. */
    public JdbcConnectionOptionsBuilder withUrl(String url) {
      this.url = url;
      return this;
    }

    /** The driver class to load, such as {@code org.postgresql.Driver}; optional with JDBC 4 drivers. */
    public JdbcConnectionOptionsBuilder withDriverName(String driverName) {
      this.driverName = driverName;
      return this;
    }

    /** The user to connect as. */
    public JdbcConnectionOptionsBuilder withUsername(String username) {
      this.username = username;
      return this;
    }

    /** The user's password. */
    public JdbcConnectionOptionsBuilder withPassword(String password) {
      this.password = password;
      return this;
    }

    /** Seconds a connection check may take before the connection counts as broken (60 by default). */
    public JdbcConnectionOptionsBuilder withConnectionCheckTimeoutSeconds(int seconds) {
      this.connectionCheckTimeoutSeconds = seconds;
      return this;
    }

    /** The options; fails naming what is missing or malformed. */
    public JdbcConnectionOptions build() {
      return new JdbcConnectionOptions(url, driverName, username, password, connectionCheckTimeoutSeconds);
    }
  }
}
