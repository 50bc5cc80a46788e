package io.spate.connectors.jdbc.testing;

import io.spate.api.functions.SerializableSupplier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.XADataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * A real PostgreSQL server for one test class, started from the embedded binaries on a loopback
 * port with its data directory under {@code target/}, with the helpers tests need: statements,
 * queries, killing connections, a restart on the same port and data, and the prepared (XA)
 * transactions the server holds.
 *
 * <p>Prepared transactions are enabled unless the class asks for a server without them. A role
 * {@value #SECURE_USER} with password {@value #SECURE_PASSWORD} must authenticate with its
 * password; everyone else is trusted.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  /** A role that must give its password. */
  public static final String SECURE_USER = "spate_secure";
  /** The password of {@link #SECURE_USER}. */
  public static final String SECURE_PASSWORD = "s3cret";

  private final Path dataDirectory;
  private final int port;
  private final Map<String, String> serverConfig;
  private EmbeddedPostgres server;

  private PostgresTestDatabase(Path dataDirectory, int port, Map<String, String> serverConfig) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.serverConfig = serverConfig;
  }

  /** Starts a server that allows prepared transactions ({@code max_prepared_transactions} 20). */
  public static PostgresTestDatabase start() {
    return start(Map.of("max_prepared_transactions", "20"));
  }

  /** Starts a server with these settings of {@code postgresql.conf}. */
  public static PostgresTestDatabase start(Map<String, String> serverConfig) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("max_connections", "60");
    config.put("fsync", "off");
    config.put("listen_addresses", "127.0.0.1");
    config.putAll(serverConfig);
    Path base = Path.of(System.getProperty("java.io.tmpdir")).resolve("pg-" + UUID.randomUUID());
    PostgresTestDatabase database = new PostgresTestDatabase(base.resolve("data"), freePort(), config);
    database.startServer();
    database.execute("CREATE ROLE " + SECURE_USER + " LOGIN SUPERUSER PASSWORD '" + SECURE_PASSWORD + "'");
    database.requirePasswordOf(SECURE_USER);
    return database;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startServer() {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(true);
      serverConfig.forEach(builder::setServerConfig);
      server = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the test PostgreSQL server on port " + port + ": " + e, e);
    }
  }

  private void requirePasswordOf(String user) {
    Path hba = dataDirectory.resolve("pg_hba.conf");
    try {
      String rules = Files.readString(hba, StandardCharsets.UTF_8);
      String passwordRules = "host all " + user + " 127.0.0.1/32 scram-sha-256\n"
          + "host all " + user + " ::1/128 scram-sha-256\n";
      Files.writeString(hba, passwordRules + rules, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not edit " + hba, e);
    }
    query("SELECT pg_reload_conf()");
  }

  /** The JDBC URL of the server's {@code postgres} database. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The user that connects without a password. */
  public String user() {
    return "postgres";
  }

  /** The server's port; the same after a {@link #restart()}. */
  public int port() {
    return port;
  }

  /** A new connection as {@link #user()}, with auto-commit; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), "");
  }

  /** A factory of XA data sources of this server, to ship with a job. */
  public SerializableSupplier<XADataSource> xaDataSource() {
    String url = url();
    String user = user();
    return () -> {
      PGXADataSource source = new PGXADataSource();
      source.setUrl(url);
      source.setUser(user);
      return source;
    };
  }

  /** Runs statements (DDL or DML), each in its own auto-committed transaction. */
  public void execute(String... sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Test statement failed: " + e.getMessage(), e);
    }
  }

  /** The rows of a query, each as its columns' values in order. */
  public List<List<Object>> query(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<List<Object>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
          row.add(rows.getObject(c));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Test query failed: " + e.getMessage(), e);
    }
  }

  /** The single number a query returns, such as a count. */
  public long queryLong(String sql) {
    return ((Number) query(sql).get(0).get(0)).longValue();
  }

  /** The global ids of the prepared transactions the server holds. */
  public List<String> preparedTransactions() {
    return query("SELECT gid FROM pg_prepared_xacts ORDER BY gid").stream().map(r -> (String) r.get(0)).toList();
  }

  /**
   * Terminates every client connection but this call's own ({@code pg_terminate_backend}), as a
   * network failure or a database administrator would; returns how many it ended.
   */
  public int terminateConnections() {
    return (int) queryLong("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
  }

  /** Stops the server (every connection breaks). */
  public void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the test PostgreSQL server", e);
    }
  }

  /** Starts the stopped server again on the same port with the same data. */
  public void startAgain() {
    startServer();
  }

  /** Stops the server and starts it again on the same port with the same data. */
  public void restart() {
    stop();
    startAgain();
  }

  @Override
  public void close() throws IOException {
    try {
      stop();
    } finally {
      Path base = dataDirectory.getParent();
      if (Files.exists(base)) {
        try (Stream<Path> paths = Files.walk(base)) {
          paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
