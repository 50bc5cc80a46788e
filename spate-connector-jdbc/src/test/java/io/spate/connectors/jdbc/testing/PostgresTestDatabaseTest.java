package io.spate.connectors.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test database is a working PostgreSQL: rows survive a restart, passwords are checked, XA is on. */
class PostgresTestDatabaseTest {

  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void rowsSurviveARestartOnTheSamePort() {
    db.execute("CREATE TABLE fixture (id INT PRIMARY KEY)", "INSERT INTO fixture VALUES (1), (2)");
    int port = db.port();
    db.restart();
    assertThat(db.port()).isEqualTo(port);
    assertThat(db.query("SELECT id FROM fixture ORDER BY id")).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void theSecureRoleNeedsItsPassword() throws SQLException {
    try (Connection ok = DriverManager.getConnection(db.url(), PostgresTestDatabase.SECURE_USER,
        PostgresTestDatabase.SECURE_PASSWORD)) {
      assertThat(ok.isValid(5)).isTrue();
    }
    assertThatThrownBy(() -> DriverManager.getConnection(db.url(), PostgresTestDatabase.SECURE_USER, "wrong"))
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void preparedTransactionsAreEnabled() {
    db.execute("BEGIN; CREATE TABLE prepared_probe (x INT); PREPARE TRANSACTION 'probe'");
    assertThat(db.preparedTransactions()).contains("probe");
    db.execute("ROLLBACK PREPARED 'probe'");
    assertThat(db.preparedTransactions()).doesNotContain("probe");
  }
}
