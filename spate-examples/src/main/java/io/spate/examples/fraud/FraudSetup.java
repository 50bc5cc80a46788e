package io.spate.examples.fraud;

import io.spate.connectors.jdbc.JdbcConnectionOptions;
import io.spate.connectors.kafka.KafkaTopics;
import io.spate.examples.fraud.FraudDetection.Settings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates what the fraud-detection example writes to and reads from, before its job starts. */
final class FraudSetup {

  /** How long the example waits for Kafka or PostgreSQL to answer while it sets up. */
  static final long TIMEOUT_SECONDS = 30;

  private FraudSetup() {}

  /** Creates the transactions and alerts topics that do not exist yet, with the configured partitions. */
  static void createTopicsIfAbsent(Settings settings) throws Exception {
    Map<String, Object> config = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      for (String topic : List.of(settings.transactionsTopic(), settings.alertsTopic())) {
        if (existing.contains(topic)) {
          continue;
        }
        try {
          admin.createTopics(List.of(new NewTopic(topic, Optional.of(settings.partitions()), Optional.empty())))
              .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          KafkaTopics.awaitLeaders(admin, topic, settings.partitions(), Duration.ofSeconds(TIMEOUT_SECONDS));
          System.err.printf("Fraud detection: created topic '%s' with %d partitions.%n", topic, settings.partitions());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (TimeoutException | ExecutionException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException("Fraud detection: could not list or create the topics '"
          + settings.transactionsTopic() + "' and '" + settings.alertsTopic() + "' on the Kafka brokers at "
          + settings.bootstrapServers() + " within " + TIMEOUT_SECONDS + " s: " + cause, cause);
    }
  }

  /** Creates the alerts table if it does not exist. */
  static void createTableIfAbsent(Settings settings) {
    DriverManager.setLoginTimeout((int) TIMEOUT_SECONDS);
    try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(),
        settings.jdbcPassword()); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + FraudDetection.TABLE + " ("
          + "transaction_id BIGINT PRIMARY KEY, account BIGINT NOT NULL, small_amount_cents BIGINT NOT NULL,"
          + " large_amount_cents BIGINT NOT NULL, small_time TIMESTAMPTZ NOT NULL, large_time TIMESTAMPTZ NOT NULL)");
    } catch (SQLException e) {
      throw new IllegalStateException("Fraud detection: could not create the table " + FraudDetection.TABLE
          + " in " + settings.jdbcUrl() + ": " + e.getMessage(), e);
    }
  }

  /** The connection options of the alerts sink. */
  static JdbcConnectionOptions connectionOptions(Settings settings) {
    JdbcConnectionOptions.JdbcConnectionOptionsBuilder options = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
        .withUrl(settings.jdbcUrl())
        .withDriverName("org.postgresql.Driver");
    if (settings.jdbcUser() != null) {
      options.withUsername(settings.jdbcUser());
    }
    if (settings.jdbcPassword() != null) {
      options.withPassword(settings.jdbcPassword());
    }
    return options.build();
  }
}
