package io.spate.connectors.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;

/**
 * Opens JDBC connections for {@link JdbcConnectionOptions}, with errors that say what was wrong: a
 * driver class that is not on the class path, a URL no driver accepts, a refused login.
 */
final class JdbcConnector {

  private final JdbcConnectionOptions options;
  private final String owner;
  private Driver driver;

  /** A connector for {@code options}; {@code owner} (such as "JdbcSink") starts its error messages. */
  JdbcConnector(JdbcConnectionOptions options, String owner) {
    this.options = options;
    this.owner = owner;
  }

  /** A new connection; fails with a message naming the URL, the user and the database's reason. */
  Connection connect() throws SQLException {
    Driver d = driver();
    Properties properties = new Properties();
    options.getUsername().ifPresent(user -> properties.setProperty("user", user));
    options.getPassword().ifPresent(password -> properties.setProperty("password", password));
    Connection connection;
    try {
      connection = d.connect(options.getDbURL(), properties);
    } catch (SQLException e) {
      throw new SQLException(owner + ": cannot connect to " + options.getDbURL()
          + options.getUsername().map(u -> " as user '" + u + "'").orElse("") + ": " + e.getMessage(),
          e.getSQLState(), e.getErrorCode(), e);
    }
    if (connection == null) {
      throw urlNotAccepted(null);
    }
    return connection;
  }

  private Driver driver() throws SQLException {
    if (driver != null) {
      return driver;
    }
    String url = options.getDbURL();
    String name = options.getDriverName();
    if (name != null && !name.isBlank()) {
      Class<?> type;
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        type = Class.forName(name, true, loader != null ? loader : JdbcConnector.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new SQLNonTransientConnectionException(owner + ": the JDBC driver class '" + name + "' is not on the class path: add the"
            + " driver's jar to the job (for PostgreSQL, org.postgresql:postgresql)", "08001", e);
      }
      try {
        driver = (Driver) type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new SQLNonTransientConnectionException(owner + ": cannot create the JDBC driver '" + name + "': " + e, "08001", e);
      }
      if (!driver.acceptsURL(url)) {
        Driver accepted = driver;
        driver = null;
        throw urlNotAccepted(accepted);
      }
      return driver;
    }
    try {
      driver = DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw urlNotAccepted(null);
    }
    return driver;
  }

  private SQLNonTransientConnectionException urlNotAccepted(Driver named) {
    String url = options.getDbURL();
    return new SQLNonTransientConnectionException(owner + ": no JDBC driver accepts the URL '" + url + "'"
        + (named != null ? " (the driver " + named.getClass().getName() + " does not)" : ", of the drivers on the"
        + " class path")
        + ": check the URL's scheme (jdbc:postgresql://host:port/database for PostgreSQL) and that the driver's"
        + " jar is on the class path", "08001");
  }
}
